using Ceseda.Rules.Calendars;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ceseda.Workflows.Tests.Runtime;

public sealed class AddCesedaTests : IDisposable
{
    private readonly TempStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Options_Default_IsTheSqliteFileCesedaDb()
    {
        Assert.Equal(CaseStoreProvider.Sqlite, new CesedaOptions().Provider);
        Assert.Equal("Data Source=ceseda.db", new CesedaOptions().ConnectionString);
    }

    [Fact]
    public void AddCeseda_UndefinedProvider_FailsValidation()
    {
        using var provider = new ServiceCollection().AddCeseda(o => o.Provider = (CaseStoreProvider)7).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CesedaOptions>>().Value);
        Assert.Contains(nameof(CesedaOptions.Provider), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCeseda_ResolvesOneRuntimeOverTheConfiguredStore()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(store.Clock).AddCeseda(o => o.ConnectionString = store.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var runtime = provider.GetRequiredService<CaseRuntime>();
        Assert.Same(runtime, provider.GetRequiredService<CaseRuntime>());
        Assert.Same(ProcedureRegistry.Catalogue, provider.GetRequiredService<ProcedureRegistry>());
        await runtime.StartAsync("retention.ordinance-appeal", Territories.Metropole, "CA Paris", caseId: "c1");
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM cases"));
    }

    [PostgresFact]
    public async Task AddCeseda_PostgreSqlProvider_ResolvesARuntimeOverThatDatabase()
    {
        using var postgres = new TempStore(CaseStoreProvider.PostgreSql);
        var services = new ServiceCollection().AddSingleton<IClock>(postgres.Clock).AddCeseda(o =>
        {
            o.Provider = CaseStoreProvider.PostgreSql;
            o.ConnectionString = postgres.ConnectionString;
            o.Timers = false;
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<CaseRuntime>().StartAsync("retention.ordinance-appeal", Territories.Metropole, "CA Paris", caseId: "c1");
        Assert.Equal(1, postgres.Scalar("SELECT count(*) FROM cases"));
        Assert.Equal(1, postgres.Scalar("SELECT count(*) FROM schema_version WHERE script = '0001_initial.postgres.sql'"));
    }

    [Fact]
    public void AddCeseda_KeepsARegistryAlreadyRegistered()
    {
        var registry = new ProcedureRegistry([Procedures.OrdinanceAppeal.Retention]);
        using var provider = new ServiceCollection().AddSingleton(registry).AddCeseda().BuildServiceProvider();
        Assert.Same(registry, provider.GetRequiredService<ProcedureRegistry>());
    }

    [Fact]
    public void AddCeseda_BlankConnectionString_FailsValidation()
    {
        using var provider = new ServiceCollection().AddCeseda(o => o.ConnectionString = " ").BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CesedaOptions>>().Value);
        Assert.Contains(nameof(CesedaOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }
}
