using k8s.Models;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Shims;

/// <summary>Gateway API helpers of the shim harness: objects a real kube-apiserver with the Gateway API CRDs accepts.</summary>
internal sealed partial class ShimHarness
{
    public static IReadOnlyList<IControllerRegistration> GatewayControllers { get; } =
        [new GatewayShimControllerRegistration(), new ListenerSetShimControllerRegistration()];

    /// <summary>The gateway-shim controllers, started after the Gateway API CRDs are installed (the operator discovers them at start-up).</summary>
    public static Task<ShimHarness> StartWithGatewayApiAsync(ITestOutputHelper output, CancellationToken ct) =>
        StartAsync(output, ct, controllers: GatewayControllers, prepare: (env, c) => GatewayApiCrds.InstallMissingAsync(env, output, c));

    /// <summary>An HTTPS listener on 443 terminating TLS with Secret <paramref name="secret"/>; no hostname when null.</summary>
    public static GatewayListener HttpsListener(string name, string? hostname, string secret, int port = 443) => new()
    {
        Name = name,
        Hostname = hostname,
        Port = port,
        Protocol = "HTTPS",
        Tls = new GatewayTlsConfig { Mode = GatewayApiGroup.TlsModeTerminate, CertificateRefs = [new SecretObjectReference { Name = secret }] },
    };

    public static Gateway NewGateway(string ns, string name, IDictionary<string, string> annotations, params GatewayListener[] listeners) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = new Dictionary<string, string>(annotations) },
        Spec = new GatewaySpec { GatewayClassName = "example", Listeners = [.. listeners] },
    };

    public static ListenerSet NewListenerSet(string ns, string name, string gateway, IDictionary<string, string> annotations, params GatewayListener[] listeners) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = new Dictionary<string, string>(annotations) },
        Spec = new ListenerSetSpec { ParentRef = new ParentGatewayReference { Name = gateway }, Listeners = [.. listeners] },
    };

    public Task<Gateway> CreateGatewayAsync(Gateway gateway, CancellationToken ct) => Apis.Gateways.CreateAsync(gateway, ct);

    public Task UpdateGatewayAsync(string name, Action<Gateway> change, CancellationToken ct) => UpdateAsync(Apis.Gateways, name, change, ct);
}
