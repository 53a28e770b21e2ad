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
    /// <summary>Registers <see cref="CaseRuntime"/> (singleton) over the store of
    /// <see cref="CesedaOptions.Provider"/> and <see cref="CesedaOptions.ConnectionString"/>, the catalogue's procedures as the
    /// <see cref="ProcedureRegistry"/> unless one is registered, a hosted service that applies the
    /// store's schema at start-up and, when <see cref="CesedaOptions.Timers"/> is on, the durable
    /// deadline timer: a Quartz job run at start-up (deadlines missed while the host was down pass
    /// then, in order, each stamped with its legal instant) and every <see cref="CesedaOptions.TimerInterval"/>,
    /// and the statutory purge, run at start-up and every <see cref="CesedaOptions.PurgeInterval"/>.
    /// Services already registered are kept (<c>TryAdd*</c>). The host registers the <see cref="IClock"/>:
    /// the library never reads the system clock.</summary>
    /// <remarks>The deadlines live in the case store (<c>cases.next_due</c>); Quartz keeps its trigger
    /// in memory and recreates it at each start, so it needs no tables of its own. A host that runs
    /// its own Quartz jobs shares the one scheduler (<c>AddQuartz</c> configurations add up).</remarks>
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
        services.TryAddSingleton(ProcedureRegistry.Catalogue);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<CesedaOptions>>().Value;
            return new CaseRuntime(o.Provider, o.ConnectionString, sp.GetRequiredService<ProcedureRegistry>(), sp.GetRequiredService<IClock>());
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CaseStoreStartup>());

        var registration = new CesedaOptions();
        configure?.Invoke(registration);
        if (registration.Timers)
        {
            AddTimers(services, registration.TimerInterval, registration.PurgeInterval);
        }

        return services;
    }

    private static void AddTimers(IServiceCollection services, Duration interval, Duration purgeInterval)
    {
        services.AddMetrics();
        services.TryAddSingleton<TimerMetrics>();
        services.AddQuartz(q =>
        {
            q.AddJob<DeadlineTimerJob>(j => j.WithIdentity(DeadlineTimerJob.Key).WithDescription("Lets every deadline due pass (CaseRuntime.AdvanceDueAsync)."));
            q.AddTrigger(t => t
                .ForJob(DeadlineTimerJob.Key)
                .WithIdentity("deadlines-every-interval", "ceseda")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval.ToTimeSpan()).RepeatForever()));
            q.AddJob<PurgeJob>(j => j.WithIdentity(PurgeJob.Key).WithDescription("Erases the cases whose retention period has ended (CaseRuntime.PurgeAsync)."));
            q.AddTrigger(t => t
                .ForJob(PurgeJob.Key)
                .WithIdentity("purge-every-interval", "ceseda")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(purgeInterval.ToTimeSpan()).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
