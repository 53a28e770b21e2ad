using Ceseda.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ceseda.Workflows.DependencyInjection;

/// <summary>Registers the Ceseda runtime.</summary>
public static class CesedaServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CaseRuntime"/> (singleton) over the store of
    /// <see cref="CesedaOptions.ConnectionString"/>, and the catalogue's procedures as the
    /// <see cref="ProcedureRegistry"/> unless one is registered. Services already registered are
    /// kept (<c>TryAdd*</c>). The host registers the <see cref="IClock"/>: the library never reads
    /// the system clock.</summary>
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

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(ProcedureRegistry.Catalogue);
        services.TryAddSingleton(sp => new CaseRuntime(
            sp.GetRequiredService<IOptions<CesedaOptions>>().Value.ConnectionString,
            sp.GetRequiredService<ProcedureRegistry>(),
            sp.GetRequiredService<IClock>()));
        return services;
    }
}
