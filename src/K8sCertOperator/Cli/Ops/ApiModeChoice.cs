using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// Which API an ops command acts on (--api-mode, spelled as the operator's flag): one <see cref="ApiFlavor"/>
/// (k8scert, the default, or cert-manager), or <c>auto</c>. The rule of auto:
/// <list type="bullet">
/// <item>a named object (a Certificate or CertificateRequest) is looked up in k8scert.io, then in cert-manager.io, and
/// the first API that has it is used: k8scert.io when its CRD is installed and holds the object;</item>
/// <item>a list (renew --all / -l) is taken from k8scert.io when its CRD is installed, else from cert-manager.io;</item>
/// <item>a Secret (inspect) is read as the API whose certificate-name annotation it carries (k8scert.io first);</item>
/// <item>a manifest (create certificaterequest) goes to the API of its apiVersion.</item>
/// </list>
/// Objects are read and written through <see cref="OperatorApis"/> of the chosen flavor, so cert-manager's groups and
/// annotation keys are renamed at the API boundary exactly as the operator does in that mode.
/// </summary>
public sealed class ApiModeChoice
{
    public const string AutoMode = "auto";

    private ApiModeChoice(ApiFlavor? flavor) => Fixed = flavor;

    /// <summary>The default: the operator's own API.</summary>
    public static ApiModeChoice K8sCert { get; } = new(ApiFlavor.K8sCert);

    public static ApiModeChoice CertManager { get; } = new(ApiFlavor.CertManager);

    public static ApiModeChoice Auto { get; } = new(null);

    /// <summary>The --api-mode values: each flavor's, then auto.</summary>
    public static IReadOnlyList<string> Modes { get; } = [.. ApiFlavor.All.Select(f => f.Mode), AutoMode];

    /// <summary>The chosen flavor; null for auto.</summary>
    public ApiFlavor? Fixed { get; }

    /// <summary>The flavors tried, in order of preference.</summary>
    public IReadOnlyList<ApiFlavor> Candidates => Fixed is null ? ApiFlavor.All : [Fixed];

    /// <summary>The choice named <paramref name="mode"/> (case-insensitive), or null.</summary>
    public static ApiModeChoice? Find(string? mode)
    {
        if (string.Equals(mode?.Trim(), AutoMode, StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }
        return ApiFlavor.Find(mode) is { } flavor ? For(flavor) : null;
    }

    public static ApiModeChoice For(ApiFlavor flavor) => flavor == ApiFlavor.CertManager ? CertManager : K8sCert;

    /// <summary>
    /// The named object and the APIs of the flavor that has it; when none has it, a null object and the first
    /// candidate's APIs.
    /// </summary>
    public async Task<(OperatorApis Apis, T? Found)> GetAsync<T>(
        IKubernetes client, Func<OperatorApis, IResourceApi<T>> resource, string? ns, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resource);
        OperatorApis? first = null;
        foreach (var flavor in Candidates)
        {
            var apis = new OperatorApis(client, flavor);
            first ??= apis;
            if (await resource(apis).GetAsync(ns, name, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return (apis, found);
            }
        }
        return (first!, null);
    }

    /// <summary>The list from the first candidate whose API is served (a NotFound list means its CRD is not installed).</summary>
    public async Task<(OperatorApis Apis, IReadOnlyList<T> Items)> ListAsync<T>(
        IKubernetes client, Func<OperatorApis, IResourceApi<T>> resource, string? ns, string? selector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resource);
        for (var i = 0; ; i++)
        {
            var apis = new OperatorApis(client, Candidates[i]);
            try
            {
                return (apis, (await resource(apis).ListAsync(ns, selector, cancellationToken).ConfigureAwait(false)).Items);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound && i + 1 < Candidates.Count)
            {
                // Not served here: try the next API.
            }
        }
    }

    /// <summary>
    /// The flavor a Secret read with no renaming belongs to: the fixed one, or for auto the one whose certificate-name
    /// annotation it carries (k8scert.io first, and k8scert.io when it carries neither).
    /// </summary>
    public ApiFlavor ForSecret(V1Secret raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Fixed ?? Candidates.FirstOrDefault(f => raw.Metadata?.Annotations?.ContainsKey(f.ToWireKey(AnnotationKeys.CertificateName)) == true)
            ?? ApiFlavor.K8sCert;
    }

    /// <summary>The flavor for a manifest: the fixed one, or for auto the one whose group its apiVersion names.</summary>
    public ApiFlavor ForApiVersion(string? apiVersion) =>
        Fixed ?? Candidates.FirstOrDefault(f => apiVersion?.StartsWith(f.CertGroup + "/", StringComparison.Ordinal) == true) ?? ApiFlavor.K8sCert;

    /// <summary>"Certificate ns/name not found", naming the API(s) looked in unless it is the default one.</summary>
    public string NotFound(string kind, string? ns, string name)
    {
        var where = Fixed is { IsNative: true } ? "" : " in " + string.Join(" or ", Candidates.Select(f => f.CertGroup));
        return $"error: {kind} {ns}/{name} not found{where}";
    }

    public override string ToString() => Fixed?.Mode ?? AutoMode;
}
