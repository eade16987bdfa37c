using System.Text.Json;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

public sealed class IgnoredSolverFieldsTests
{
    private static AcmeChallengeSolver Gateway(string? serviceType = null, string? podTemplate = null) => new()
    {
        Http01 = new AcmeChallengeSolverHttp01
        {
            GatewayHttpRoute = new AcmeChallengeSolverHttp01GatewayHttpRoute
            {
                ParentRefs = [new ParentReference { Name = "gw" }],
                ServiceType = serviceType,
                PodTemplate = podTemplate is null ? null : JsonDocument.Parse(podTemplate).RootElement.Clone(),
            },
        },
    };

    private static AcmeChallengeSolver Ingress(string? podTemplate = null) => new()
    {
        Http01 = new AcmeChallengeSolverHttp01
        {
            Ingress = new AcmeChallengeSolverHttp01Ingress
            {
                ServiceType = "NodePort",
                PodTemplate = podTemplate is null ? null : JsonDocument.Parse(podTemplate).RootElement.Clone(),
            },
        },
    };

    public static TheoryData<string, AcmeChallengeSolver[], string[]> Cases => new()
    {
        { "gateway solver without them", [Gateway()], [] },
        { "ingress solver (its serviceType is its own matter)", [Ingress()], [] },
        { "serviceType", [Gateway("ClusterIP")], ["spec.acme.solvers[0].http01.gatewayHTTPRoute.serviceType ignored"] },
        { "ingress podTemplate", [Ingress("""{"metadata":{"labels":{"a":"b"}}}""")], ["spec.acme.solvers[0].http01.ingress.podTemplate ignored"] },
        { "podTemplate", [Gateway(podTemplate: """{"spec":{"nodeSelector":{"a":"b"}}}""")], ["spec.acme.solvers[0].http01.gatewayHTTPRoute.podTemplate ignored"] },
        {
            "both, in the second solver", [Ingress(), Gateway("NodePort", "{}")],
            ["spec.acme.solvers[1].http01.gatewayHTTPRoute.serviceType and spec.acme.solvers[1].http01.gatewayHTTPRoute.podTemplate ignored"]
        },
        {
            "one message per solver", [Gateway("NodePort"), Gateway(podTemplate: "{}")],
            ["spec.acme.solvers[0].http01.gatewayHTTPRoute.serviceType ignored", "spec.acme.solvers[1].http01.gatewayHTTPRoute.podTemplate ignored"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_the_cert_manager_fields_that_mean_nothing_here(string why, AcmeChallengeSolver[] solvers, string[] expectedStarts)
    {
        var spec = new IssuerSpec { Acme = new AcmeIssuer { Solvers = [.. solvers] } };

        var messages = IgnoredSolverFields.Describe(spec);

        Assert.True(expectedStarts.Length == messages.Count, why);
        foreach (var (message, start) in messages.Zip(expectedStarts))
        {
            Assert.StartsWith(start, message, StringComparison.Ordinal);
            Assert.EndsWith("no solver pod or Service is created", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Issuers_that_are_not_acme_have_nothing_to_report() =>
        Assert.Empty(IgnoredSolverFields.Describe(new IssuerSpec { SelfSigned = new SelfSignedIssuer() }));
}
