using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;

/// <summary>Reads, through the API, what the gatewayHTTPRoute solver has left in some namespaces.</summary>
internal static class GatewaySolverLeftovers
{
    /// <summary>"HTTPRoute NS/NAME" and "ReferenceGrant NS/NAME" for every solver piece in <paramref name="namespaces"/>.</summary>
    public static async Task<string[]?> DescribeAsync(OperatorApis apis, IEnumerable<string> namespaces, CancellationToken ct)
    {
        var selector = ChallengeSolverMetadata.LabelSelectorForAll();
        var found = new List<string>();
        foreach (var ns in namespaces)
        {
            found.AddRange((await apis.HttpRoutes.ListAsync(ns, selector, ct)).Items.Select(r => $"HTTPRoute {ns}/{r.Metadata.Name}"));
            found.AddRange((await apis.ReferenceGrants.ListAsync(ns, selector, ct)).Items.Select(g => $"ReferenceGrant {ns}/{g.Metadata.Name}"));
        }
        return [.. found];
    }

    /// <summary>True when the API server serves HTTPRoutes (the Gateway API CRDs are installed).</summary>
    public static async Task<bool> ServesHttpRoutesAsync(OperatorApis apis, string ns, CancellationToken ct)
    {
        try
        {
            await apis.HttpRoutes.ListAsync(ns, null, ct);
            return true;
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
        {
            return false;
        }
    }
}
