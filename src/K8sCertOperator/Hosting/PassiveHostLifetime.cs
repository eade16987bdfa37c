using Microsoft.Extensions.Hosting;

namespace K8sCertOperator.Hosting;

/// <summary>
/// A host lifetime that ignores process signals. Our embedded web servers (HTTP-01 responder,
/// monitoring) are parts of the operator, not the application: with the default console
/// lifetime each would swallow SIGTERM and stop itself, and the operator would never hear it.
/// </summary>
public sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
