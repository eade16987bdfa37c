using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// The <c>http01.gatewayHTTPRoute</c> solver under the repository's CRDs (stand-in or a real cluster): exclusive with
/// <c>http01.ingress</c> (CEL), parentRefs required and shaped like Gateway API's, cert-manager's serviceType and
/// podTemplate accepted.
/// </summary>
public sealed class GatewayHttpRouteSolverCrdTests : CrdSchemaTestBase
{
    private const string Field = "spec.acme.solvers[0].http01";

    private static JsonObject Issuer(string name, string http01) => new()
    {
        ["apiVersion"] = "k8scert.io/v1",
        ["kind"] = "Issuer",
        ["metadata"] = Meta(name),
        ["spec"] = new JsonObject
        {
            ["acme"] = new JsonObject
            {
                ["server"] = "https://acme.example/directory",
                ["privateKeySecretRef"] = new JsonObject { ["name"] = "account" },
                ["solvers"] = new JsonArray(new JsonObject { ["http01"] = JsonNode.Parse(http01) }),
            },
        },
    };

    public static TheoryData<string, string, string?> Cases => new()
    {
        // name, http01 block, the error the API server must give (null: accepted)
        { "both", """{"ingress":{},"gatewayHTTPRoute":{"parentRefs":[{"name":"gw"}]}}""", $"{Field}: Invalid value: ingress and gatewayHTTPRoute are mutually exclusive" },
        { "no-parents", """{"gatewayHTTPRoute":{}}""", $"{Field}.gatewayHTTPRoute.parentRefs: Required value" },
        { "empty-parents", """{"gatewayHTTPRoute":{"parentRefs":[]}}""", $"{Field}.gatewayHTTPRoute.parentRefs in body should have at least 1 items" },
        { "nameless-parent", """{"gatewayHTTPRoute":{"parentRefs":[{"namespace":"infra"}]}}""", $"{Field}.gatewayHTTPRoute.parentRefs[0].name: Required value" },
        { "port-zero", """{"gatewayHTTPRoute":{"parentRefs":[{"name":"gw","port":0}]}}""", $"{Field}.gatewayHTTPRoute.parentRefs[0].port in body should be greater than or equal to 1" },
        { "bad-service-type", """{"gatewayHTTPRoute":{"parentRefs":[{"name":"gw"}],"serviceType":"LoadBalancer"}}""", $"{Field}.gatewayHTTPRoute.serviceType: Unsupported value: \"LoadBalancer\"" },
        { "gateway", """{"gatewayHTTPRoute":{"parentRefs":[{"name":"gw","namespace":"infra","sectionName":"http","port":80}],"labels":{"team":"web"}}}""", null },
        { "ingress", """{"ingress":{"ingressClassName":"nginx"}}""", null },
        { "neither", "{}", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Issuer_http01_solver_is_checked_by_the_crd(string name, string http01, string? error)
    {
        var body = Issuer(name, http01);
        if (error is null)
        {
            await CreateAsync("k8scert.io", "issuers", body);
            return;
        }
        var status = await Refusal.StatusOfAsync(() => CreateAsync("k8scert.io", "issuers", body));
        Assert.Equal((422, "Invalid"), ((int?)status["code"], (string?)status["reason"]));
        Assert.Contains(error, Refusal.AcrossVersions((string?)status["message"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cert_manager_fields_are_kept_and_parent_refs_get_gateway_api_defaults()
    {
        await CreateAsync("k8scert.io", "issuers", Issuer("ported", """
            {"gatewayHTTPRoute":{"parentRefs":[{"name":"gw"}],"serviceType":"ClusterIP",
             "podTemplate":{"metadata":{"labels":{"a":"b"}},"spec":{"nodeSelector":{"kubernetes.io/os":"linux"}}}}}
            """));

        var stored = await GetAsync("k8scert.io", "issuers", "ported");

        var route = stored["spec"]!["acme"]!["solvers"]![0]!["http01"]!["gatewayHTTPRoute"]!;
        var parent = route["parentRefs"]![0]!;
        Assert.Equal(("gateway.networking.k8s.io", "Gateway", "gw"), ((string?)parent["group"], (string?)parent["kind"], (string?)parent["name"]));
        Assert.Equal("ClusterIP", (string?)route["serviceType"]);
        Assert.Equal("linux", (string?)route["podTemplate"]!["spec"]!["nodeSelector"]!["kubernetes.io/os"]);
    }

    [Fact]
    public async Task Challenge_solver_with_both_http01_routes_is_refused_by_the_cel_rule()
    {
        var challenge = new JsonObject
        {
            ["apiVersion"] = "acme.k8scert.io/v1",
            ["kind"] = "Challenge",
            ["metadata"] = Meta("both-routes"),
            ["spec"] = new JsonObject
            {
                ["url"] = "https://acme.example/chall/1",
                ["authorizationURL"] = "https://acme.example/authz/1",
                ["dnsName"] = "a.example.com",
                ["type"] = "HTTP-01",
                ["token"] = "t",
                ["key"] = "t.k",
                ["issuerRef"] = new JsonObject { ["name"] = "le" },
                ["solver"] = new JsonObject
                {
                    ["http01"] = JsonNode.Parse("""{"ingress":{},"gatewayHTTPRoute":{"parentRefs":[{"name":"gw"}]}}"""),
                },
            },
        };
        await Refusal.InvalidAsync(
            () => CreateAsync("acme.k8scert.io", "challenges", challenge),
            "Challenge.acme.k8scert.io \"both-routes\" is invalid: spec.solver.http01: Invalid value: \"object\": ingress and gatewayHTTPRoute are mutually exclusive");
    }
}
