using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges.GatewayRoute;

/// <summary>A <see cref="SeparateOperatorHarness"/> whose API server serves HTTPRoute and ReferenceGrant.</summary>
internal static class GatewayRouteHarness
{
    /// <summary>Starts the harness and installs the Gateway API CRDs (<see cref="GatewayApiCrds"/>); the operator is started later.</summary>
    public static async Task<SeparateOperatorHarness> StartAsync(
        ITestOutputHelper output, Http01SolverNamespace placement, CancellationToken ct, Func<OperatorOptions, OperatorOptions>? adjust = null)
    {
        var separate = await SeparateOperatorHarness.StartAsync(output, placement, ct, adjust);
        try
        {
            await GatewayApiCrds.InstallMissingAsync(separate.Harness.Env, output, ct);
            return separate;
        }
        catch
        {
            await separate.DisposeAsync();
            throw;
        }
    }
}
