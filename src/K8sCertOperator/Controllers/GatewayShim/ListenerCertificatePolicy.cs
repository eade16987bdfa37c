using k8s;
using k8s.Models;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// Pure mapping from an annotated object's listeners to the Certificates it asks for, as cert-manager's gateway-shim:
/// one Certificate per Secret named by a Terminate listener's certificateRefs (core Secret, same namespace), named
/// after the Secret, whose dnsNames are the hostnames of every listener naming it. Listeners without a hostname,
/// Passthrough listeners and refs to other kinds or namespaces are skipped, each with a problem saying why.
/// </summary>
public static class ListenerCertificatePolicy
{
    public static ShimCertificateMapping Map(
        IKubernetesObject<V1ObjectMeta> owner, ShimOwnership ownership, IReadOnlyList<SourcedListener> listeners,
        IReadOnlyList<ShimProblem> sourceProblems, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(ownership);
        ArgumentNullException.ThrowIfNull(listeners);
        ArgumentNullException.ThrowIfNull(sourceProblems);
        if (ShimRequest.TryParse(owner.Metadata.Annotations, options, out var request) is { } early)
        {
            return early;
        }

        var problems = new List<ShimProblem>(sourceProblems.Concat(request!.Notices));
        var ns = owner.Metadata.NamespaceProperty;
        var hostsBySecret = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var hostless = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, listener) in listeners)
        {
            foreach (var secret in SecretNames(where, listener, ns, problems))
            {
                var hostname = listener.Hostname?.Trim();
                if (string.IsNullOrEmpty(hostname))
                {
                    problems.Add(Skipped($"{where} has no hostname, so there is no name to put in a certificate for Secret \"{secret}\""));
                    hostless.Add(secret);
                    continue;
                }

                if (!hostsBySecret.TryGetValue(secret, out var hosts))
                {
                    hostsBySecret[secret] = hosts = [];
                    order.Add(secret);
                }

                if (!hosts.Contains(hostname, StringComparer.Ordinal))
                {
                    hosts.Add(hostname);
                }
            }
        }

        var ownerReference = ownership.OwnerReference(owner);
        var labels = ShimCertificateLabels.FromOwner(owner.Metadata.Labels, options);
        var certificates = order
            .Select(secret => ShimCertificateFactory.Build(ns, secret, hostsBySecret[secret], request!.IssuerRef, request.Tuning, ownerReference, labels: labels))
            .ToList();
        // A Secret only hostless listeners name keeps its Certificate as it is: a half-edited Gateway must not delete it.
        hostless.ExceptWith(hostsBySecret.Keys);
        return new ShimCertificateMapping { Managed = true, Certificates = certificates, Problems = problems, HeldSecretNames = hostless };
    }

    /// <summary>The Secrets in <paramref name="ns"/> a Terminate listener names; every ref skipped adds a problem.</summary>
    private static IEnumerable<string> SecretNames(string where, GatewayListener listener, string? ns, List<ShimProblem> problems)
    {
        if (listener.Tls is not { } tls)
        {
            // HTTP, TCP and UDP listeners have no TLS: nothing to do and nothing to report.
            yield break;
        }

        if (string.Equals(tls.Mode, GatewayApiGroup.TlsModePassthrough, StringComparison.Ordinal))
        {
            problems.Add(Skipped($"{where} has tls.mode Passthrough: TLS is not terminated at the Gateway, so it needs no certificate"));
            yield break;
        }

        var refs = tls.CertificateRefs ?? [];
        for (var i = 0; i < refs.Count; i++)
        {
            var reference = refs[i];
            var group = reference.Group ?? "";
            var kind = string.IsNullOrEmpty(reference.Kind) ? "Secret" : reference.Kind;
            if (group.Length > 0 || kind != "Secret")
            {
                problems.Add(Skipped($"{where} certificateRefs[{i}] \"{reference.Name}\" is a {kind} in group \"{group}\", not a core Secret"));
                continue;
            }

            if (!string.IsNullOrEmpty(reference.Namespace) && reference.Namespace != ns)
            {
                problems.Add(Skipped($"{where} certificateRefs[{i}] names Secret \"{reference.Name}\" in namespace \"{reference.Namespace}\": "
                    + "a Certificate is only made for a Secret in the listener's own namespace"));
                continue;
            }

            if (!string.IsNullOrWhiteSpace(reference.Name))
            {
                yield return reference.Name;
            }
        }
    }

    /// <summary>A <see cref="GatewayShimReasons.ListenerSkipped"/> problem.</summary>
    internal static ShimProblem Skipped(string message) => new(GatewayShimReasons.ListenerSkipped, message);
}
