using System.ComponentModel.DataAnnotations;
using Ceseda.Workflows.Runtime;
using NodaTime;

namespace Ceseda.Workflows.DependencyInjection;

/// <summary>The options of <see cref="CesedaServiceCollectionExtensions.AddCeseda"/>, validated at start-up.</summary>
public sealed class CesedaOptions
{
    /// <summary>The shortest <see cref="TimerInterval"/>.</summary>
    public static readonly Duration MinTimerInterval = Duration.FromMilliseconds(100);

    /// <summary>The longest <see cref="TimerInterval"/>.</summary>
    public static readonly Duration MaxTimerInterval = Duration.FromHours(1);

    /// <summary>The shortest <see cref="PurgeInterval"/>.</summary>
    public static readonly Duration MinPurgeInterval = Duration.FromMinutes(1);

    /// <summary>The longest <see cref="PurgeInterval"/>.</summary>
    public static readonly Duration MaxPurgeInterval = Duration.FromDays(1);

    /// <summary>The database of the case store: SQLite for one node, PostgreSQL for several nodes
    /// sharing the cases (each deadline still passes once). <see cref="ConnectionString"/> is of this provider.
    /// With <see cref="Timers"/> on, the timer's Quartz job store is in the same database, clustered on
    /// PostgreSQL. Read when <c>AddCeseda</c> runs, from its <c>configure</c> delegate.</summary>
    /// <value>Default: <see cref="CaseStoreProvider.Sqlite"/>.</value>
    [EnumDataType(typeof(CaseStoreProvider))]
    public CaseStoreProvider Provider { get; set; } = CaseStoreProvider.Sqlite;

    /// <summary>The connection string of the case store, of <see cref="Provider"/>: e.g.
    /// <c>Data Source=ceseda.db</c> (SQLite) or <c>Host=db;Database=ceseda;Username=ceseda</c> (PostgreSQL).
    /// The schema is created or upgraded at start-up, and with <see cref="Timers"/> on the Quartz tables
    /// (<c>qrtz_*</c>) are created beside it. Read when <c>AddCeseda</c> runs, from its <c>configure</c> delegate.</summary>
    /// <value>Default: <c>Data Source=ceseda.db</c>, a SQLite file in the working directory, created
    /// with its schema on first use. Set it with <see cref="Provider"/> for PostgreSQL.</value>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=ceseda.db";

    /// <summary>Whether the host runs the durable deadline timer (a Quartz job that lets every deadline
    /// pass once it is due, at start-up and then every <see cref="TimerInterval"/>) and the statutory purge,
    /// in a Quartz scheduler whose job store is the case store's database (clustered on PostgreSQL, so that
    /// each job runs on one node at a time). Read when <c>AddCeseda</c> runs, from its <c>configure</c> delegate.</summary>
    /// <value>Default: <c>true</c>. Tests and tools that advance cases themselves turn it off: no scheduler
    /// is registered then, and no Quartz table is created. There is no in-memory scheduler: a host that lets
    /// deadlines pass shares its schedule with every node on the store and finds it again after a restart.</value>
    public bool Timers { get; set; } = true;

    /// <summary>How often the timer looks for deadlines due: a deadline passes at most this long after
    /// its legal instant while the host runs (its event is stamped with the legal instant regardless).
    /// Read when <c>AddCeseda</c> runs, from its <c>configure</c> delegate.</summary>
    /// <value>Default: 250 milliseconds, so that a deadline passes well within a second of its legal
    /// instant, even with a thousand falling due each second (BENCHMARKS.md, runtime R3). From
    /// <see cref="MinTimerInterval"/> to <see cref="MaxTimerInterval"/>.</value>
    public Duration TimerInterval { get; set; } = Duration.FromMilliseconds(250);

    /// <summary>How often the statutory purge runs, when <see cref="Timers"/> is on: it erases every case
    /// whose retention period has ended (<see cref="CaseRuntime.PurgeAsync"/>), at start-up and then at
    /// this interval, so a case is erased at most this long after its retention end while the host runs.
    /// Read when <c>AddCeseda</c> runs, from its <c>configure</c> delegate.</summary>
    /// <value>Default: 1 day. From <see cref="MinPurgeInterval"/> to <see cref="MaxPurgeInterval"/>.</value>
    public Duration PurgeInterval { get; set; } = Duration.FromDays(1);

    /// <summary>How many cases the runtime keeps in memory, the last it wrote or read (their version and
    /// snapshot), so that an act on a case at the version kept is fired without reading the case again: one
    /// round trip to the store instead of two. Only an optimisation: every write is still checked against the
    /// stored version, and a case written by another node is read again. A case is kept for 10 minutes at
    /// most after this node last wrote or read it, and a case with a retention end is not kept; the purge
    /// drops the cases it erases.</summary>
    /// <value>Default: <see cref="CaseRuntime.DefaultCacheCapacity"/> (10,000 cases). 0 keeps none; negative values fail validation.</value>
    public int CaseCacheCapacity { get; set; } = CaseRuntime.DefaultCacheCapacity;
}
