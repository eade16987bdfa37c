using k8s.Models;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Tests.Controllers.GatewayShim;

/// <summary>Gateways, ListenerSets and listeners in namespace "apps" for the mapping tables.</summary>
internal static class GatewayObjects
{
    public const string Namespace = "apps";

    /// <summary>An HTTPS listener terminating TLS with the given Secrets (no hostname when <paramref name="hostname"/> is null).</summary>
    public static GatewayListener Https(string name, string? hostname, params string[] secrets) => new()
    {
        Name = name,
        Hostname = hostname,
        Port = 443,
        Protocol = "HTTPS",
        Tls = new GatewayTlsConfig { Mode = GatewayApiGroup.TlsModeTerminate, CertificateRefs = [.. secrets.Select(s => new SecretObjectReference { Name = s })] },
    };

    public static GatewayListener Http(string name, string? hostname) => new() { Name = name, Hostname = hostname, Port = 80, Protocol = "HTTP" };

    public static GatewayListener Passthrough(string name, string hostname) => new()
    {
        Name = name,
        Hostname = hostname,
        Port = 8443,
        Protocol = "TLS",
        Tls = new GatewayTlsConfig { Mode = GatewayApiGroup.TlsModePassthrough },
    };

    /// <summary>A listener whose single certificateRef is <paramref name="reference"/>.</summary>
    public static GatewayListener WithRef(string name, string hostname, SecretObjectReference reference) => new()
    {
        Name = name,
        Hostname = hostname,
        Port = 443,
        Protocol = "HTTPS",
        Tls = new GatewayTlsConfig { CertificateRefs = [reference] },
    };

    public static Gateway Gateway(IDictionary<string, string> annotations, string? allowedFrom, params GatewayListener[] listeners) => new()
    {
        Metadata = new V1ObjectMeta { Name = "edge", NamespaceProperty = Namespace, Uid = "gateway-uid", Annotations = new Dictionary<string, string>(annotations) },
        Spec = new GatewaySpec
        {
            GatewayClassName = "example",
            Listeners = [.. listeners],
            AllowedListeners = allowedFrom is null ? null : new AllowedListeners { Namespaces = new AllowedListenerNamespaces { From = allowedFrom } },
        },
    };

    public static ListenerSet ListenerSet(string name, string ns, IDictionary<string, string> annotations, params GatewayListener[] listeners) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = name + "-uid", Annotations = new Dictionary<string, string>(annotations) },
        Spec = new ListenerSetSpec { ParentRef = new ParentGatewayReference { Name = "edge", Namespace = Namespace }, Listeners = [.. listeners] },
    };
}
