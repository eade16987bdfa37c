using System.Text.Json.Nodes;
using k8s;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// Both sets of Gateway API CRDs the tests may load (the v1.6.1 reference copy, the test project's minimal ones) install
/// on the stand-in and serve the four kinds Gateway API tests create, as a Gateway API user would write them.
/// </summary>
public sealed class GatewayApiCrdsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Sources => ["minimal", "reference"];

    [SkippableTheory]
    [MemberData(nameof(Sources))]
    public async Task CrdsInstallAndServeGatewayListenerSetHttpRouteAndReferenceGrant(string source)
    {
        var directory = source == "minimal" ? GatewayApiCrds.MinimalDirectory : GatewayApiCrds.ReferenceDirectory;
        Skip.If(directory is null, $"reference CRDs not used: no shared/reference/{GatewayApiCrds.ReferenceFolder} above the checkout (a fresh clone has none), {GatewayApiCrds.DirectoryVariable} names a missing folder, or {GatewayApiCrds.MinimalVariable}=1");
        Skip.If(Environment.GetEnvironmentVariable(KubeTestEnvironment.KubeconfigVariable) is { Length: > 0 }, "installs CRDs: stand-in only");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await CrdManifests.ApplyAsync(env.Client, GatewayApiCrds.Load(directory), waitEstablished: false, ct);

        var ns = env.Namespace;
        await CreateAsync(env, "v1", "gateways", ns, $$$"""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"edge","namespace":"{{{ns}}}"},
             "spec":{"gatewayClassName":"example","allowedListeners":{"namespaces":{"from":"Same"}},
               "listeners":[{"name":"https","protocol":"HTTPS","port":443,"hostname":"a.example.com",
                 "tls":{"mode":"Terminate","certificateRefs":[{"name":"a-tls"}]}}]}}
            """, ct);
        await CreateAsync(env, "v1", "listenersets", ns, $$$"""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"ListenerSet","metadata":{"name":"extra","namespace":"{{{ns}}}"},
             "spec":{"parentRef":{"name":"edge"},
               "listeners":[{"name":"https","protocol":"HTTPS","port":443,"hostname":"b.example.com","tls":{"certificateRefs":[{"name":"b-tls"}]}}]}}
            """, ct);
        await CreateAsync(env, "v1", "httproutes", ns, $$$"""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"solver","namespace":"{{{ns}}}"},
             "spec":{"parentRefs":[{"name":"edge"}],"hostnames":["a.example.com"],
               "rules":[{"matches":[{"path":{"type":"Exact","value":"/.well-known/acme-challenge/token"}}],
                 "backendRefs":[{"name":"k8s-cert-operator-http01","port":8089}]}]}}
            """, ct);
        await CreateAsync(env, "v1beta1", "referencegrants", ns, $$$"""
            {"apiVersion":"gateway.networking.k8s.io/v1beta1","kind":"ReferenceGrant","metadata":{"name":"to-responder","namespace":"{{{ns}}}"},
             "spec":{"from":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","namespace":"apps"}],"to":[{"group":"","kind":"Service"}]}}
            """, ct);

        var gateway = await env.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("gateway.networking.k8s.io", "v1", ns, "gateways", "edge", ct);
        Assert.Equal("a-tls", gateway["spec"]!["listeners"]![0]!["tls"]!["certificateRefs"]![0]!["name"]!.GetValue<string>());
        var route = await env.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("gateway.networking.k8s.io", "v1", ns, "httproutes", "solver", ct);
        Assert.Equal("/.well-known/acme-challenge/token", route["spec"]!["rules"]![0]!["matches"]![0]!["path"]!["value"]!.GetValue<string>());
    }

    private static Task CreateAsync(KubeTestEnvironment env, string version, string plural, string ns, string json, CancellationToken ct) =>
        env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(JsonNode.Parse(json)!, "gateway.networking.k8s.io", version, ns, plural, cancellationToken: ct);
}
