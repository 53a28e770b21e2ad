namespace Ceseda.Workflows.Runtime;

/// <summary>The database that stores the cases. Both hold the same schema (the versioned scripts
/// <c>Runtime/Schema/NNNN_name.{sqlite|postgres}.sql</c>) and behave the same.</summary>
public enum CaseStoreProvider
{
    /// <summary>A SQLite file (<c>Data Source=ceseda.db</c>): one node, no server to run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>Host=…;Database=…</c>): several runtime nodes may share it;
    /// each write is checked against the row version, so a deadline passes once across nodes.</summary>
    PostgreSql,
}
