using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using Quartz;

namespace Ceseda.Workflows.DependencyInjection;

/// <summary>Registers the Ceseda runtime.</summary>
public static class CesedaServiceCollectionExtensions
{
    /// <summary>The name of the runtime's Quartz scheduler: its rows in the <c>qrtz_*</c> tables of the case
    /// store, and its name in the container (a host's own default scheduler stays its own).</summary>
    internal const string SchedulerName = "ceseda";

    /// <summary>How often a PostgreSQL node records in <c>qrtz_scheduler_state</c> that it is alive.</summary>
    internal static readonly TimeSpan ClusterCheckinInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long past a missed check-in the other nodes wait before taking a node's work over.</summary>
    internal static readonly TimeSpan ClusterCheckinMisfireThreshold = TimeSpan.FromSeconds(5);

    /// <summary>Registers <see cref="CaseRuntime"/> (singleton) over the store of
    /// <see cref="CesedaOptions.Provider"/> and <see cref="CesedaOptions.ConnectionString"/>, the catalogue's procedures as the
    /// <see cref="ProcedureRegistry"/> unless one is registered, a hosted service that applies the
    /// store's schema at start-up and, when <see cref="CesedaOptions.Timers"/> is on, the durable
    /// deadline timer: a Quartz job run at start-up (deadlines missed while the host was down pass
    /// then, in order, each stamped with its legal instant) and every <see cref="CesedaOptions.TimerInterval"/>,
    /// and the statutory purge, run at start-up and every <see cref="CesedaOptions.PurgeInterval"/>.
    /// Services already registered are kept (<c>TryAdd*</c>). The host registers the <see cref="IClock"/>:
    /// the library never reads the system clock.</summary>
    /// <remarks>
    /// <para>The deadlines live in the case store (<c>cases.next_due</c>) and each passes once, whatever runs
    /// the timer. The timer runs in a Quartz scheduler of its own, named <c>ceseda</c>, whose job store is the
    /// case store's database: the <c>qrtz_*</c> tables beside the cases (on PostgreSQL, in the first schema of
    /// the connection's search path), created at start-up, after the case store's schema, by Quartz itself
    /// (<c>ProvisionSchema</c>: it only creates what is missing, so the account needs the right to create tables,
    /// as it does for the case store's scripts). Job data is written with System.Text.Json. On PostgreSQL the
    /// scheduler is clustered: each node gets an instance id of its own (generated at start-up) and checks in
    /// every 2 s, the deadline job and the purge run on one node at a time across the nodes sharing the database
    /// (their <c>[DisallowConcurrentExecution]</c> holds cluster-wide), and a node that died while running one is
    /// found within about 7 s, when another node takes the job over. On SQLite (one node) the store is not clustered.</para>
    /// <para>At each start the jobs and their triggers replace those stored by an earlier run or by another node,
    /// so a restart or a second node does not fail on them, and the intervals configured here win over those stored.</para>
    /// <para>There is no in-memory Quartz mode: a host that lets deadlines pass uses the store every node shares,
    /// and a test or a tool that advances the cases itself turns <see cref="CesedaOptions.Timers"/> off, which
    /// registers no scheduler and creates no <c>qrtz_*</c> table.</para>
    /// <para>A host that runs Quartz jobs of its own keeps its own default scheduler (<c>AddQuartz</c>), with the
    /// store it chooses; <c>AddQuartzHostedService</c>, registered here, starts every scheduler of the container.</para>
    /// <para>The scheduler's store, and the timer's settings, are read from <paramref name="configure"/> when this
    /// method runs; options configured later must name the same store, or the options fail validation at start-up.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; the defaults when null.</param>
    public static IServiceCollection AddCeseda(this IServiceCollection services, Action<CesedaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CesedaOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations()
            .Validate(o => o.TimerInterval >= CesedaOptions.MinTimerInterval && o.TimerInterval <= CesedaOptions.MaxTimerInterval,
                $"{nameof(CesedaOptions.TimerInterval)} must be from {CesedaOptions.MinTimerInterval} to {CesedaOptions.MaxTimerInterval}; "
                + "a deadline passes at most that long after its legal instant.")
            .Validate(o => o.PurgeInterval >= CesedaOptions.MinPurgeInterval && o.PurgeInterval <= CesedaOptions.MaxPurgeInterval,
                $"{nameof(CesedaOptions.PurgeInterval)} must be from {CesedaOptions.MinPurgeInterval} to {CesedaOptions.MaxPurgeInterval}; "
                + "a case is erased at most that long after its retention period ends.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CesedaOptions>, CacheCapacityValidation>());
        services.TryAddSingleton(ProcedureRegistry.Catalogue);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<CesedaOptions>>().Value;
            return new CaseRuntime(o.Provider, o.ConnectionString, sp.GetRequiredService<ProcedureRegistry>(), sp.GetRequiredService<IClock>(),
                o.CaseCacheCapacity);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CaseStoreStartup>());

        var registration = new CesedaOptions();
        configure?.Invoke(registration);
        if (registration.Timers)
        {
            options.Validate(o => o.Provider == registration.Provider && o.ConnectionString == registration.ConnectionString,
                $"The case store ({nameof(CesedaOptions.Provider)}, {nameof(CesedaOptions.ConnectionString)}) was changed after AddCeseda "
                + "registered the timer's Quartz store on it; set them in AddCeseda's configure delegate, so that both use the same database.");
            AddTimers(services, registration);
        }

        return services;
    }

    /// <summary>Checks <see cref="CesedaOptions.CaseCacheCapacity"/>, with a message that quotes the value.</summary>
    private sealed class CacheCapacityValidation : IValidateOptions<CesedaOptions>
    {
        public ValidateOptionsResult Validate(string? name, CesedaOptions options) =>
            CaseCache.CapacityError(options.CaseCacheCapacity) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
    }

    private static void AddTimers(IServiceCollection services, CesedaOptions registration)
    {
        services.AddMetrics();
        services.TryAddSingleton<TimerMetrics>();
        var interval = registration.TimerInterval.ToTimeSpan();
        var purgeInterval = registration.PurgeInterval.ToTimeSpan();
        services.AddQuartz(SchedulerName, q =>
        {
            q.UsePersistentStore(s =>
            {
                s.UseSystemTextJsonSerializer();
                if (registration.Provider == CaseStoreProvider.PostgreSql)
                {
                    s.UsePostgres(registration.ConnectionString);

                    // A node that dies while it runs the deadline job holds the job (DisallowConcurrentExecution)
                    // until the others find it dead: check in often and find it within seconds, since a node
                    // wrongly found dead only lets a second run start, which passes nothing twice.
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    s.UseSqlite(registration.ConnectionString);
                }

                s.ProvisionSchema();
            });

            // Declared jobs and triggers replace those an earlier run or another node stored under the same
            // keys (Quartz's default), so a restart never fails on them and the intervals configured here win.
            q.AddJob<DeadlineTimerJob>(j => j.WithIdentity(DeadlineTimerJob.Key).StoreDurably()
                .WithDescription("Lets every deadline due pass (CaseRuntime.AdvanceDueAsync)."));
            q.AddTrigger(t => t
                .ForJob(DeadlineTimerJob.Key)
                .WithIdentity("deadlines-every-interval", "ceseda")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
            q.AddJob<PurgeJob>(j => j.WithIdentity(PurgeJob.Key).StoreDurably()
                .WithDescription("Erases the cases whose retention period has ended (CaseRuntime.PurgeAsync)."));
            q.AddTrigger(t => t
                .ForJob(PurgeJob.Key)
                .WithIdentity("purge-every-interval", "ceseda")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(purgeInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
