using Microsoft.Extensions.Hosting;

namespace Ceseda.Workflows.Runtime.Timers;

/// <summary>Creates or upgrades the case store's schema when the host starts, before the timer's
/// first run (it is registered before the scheduler).</summary>
internal sealed class CaseStoreStartup(CaseRuntime runtime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await runtime.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
