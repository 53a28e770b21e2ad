using System.ComponentModel.DataAnnotations;

namespace Ceseda.Workflows.DependencyInjection;

/// <summary>The options of <see cref="CesedaServiceCollectionExtensions.AddCeseda"/>, validated at start-up.</summary>
public sealed class CesedaOptions
{
    /// <summary>The connection string of the case store (SQLite).</summary>
    /// <value>Default: <c>Data Source=ceseda.db</c>, a SQLite file in the working directory, created
    /// with its schema on first use.</value>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=ceseda.db";
}
