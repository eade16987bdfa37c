using System.Net;
using k8s;
using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Creates or brings up to date one solver piece (Ingress, Service, HTTPRoute, ReferenceGrant) of a Challenge. A
/// refusal by the API server becomes <see cref="PresentationRefusedException"/>.
/// </summary>
public static class SolverPieceWriter
{
    /// <summary>Creates <paramref name="desired"/>, or replaces the existing object when <paramref name="isUpToDate"/> says it differs.</summary>
    public static async Task EnsureAsync<T>(IResourceApi<T> api, T desired, Func<T, T, bool> isUpToDate, Challenge challenge, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(isUpToDate);
        ArgumentNullException.ThrowIfNull(challenge);
        try
        {
            var existing = await api.GetAsync(desired.Metadata.NamespaceProperty, desired.Metadata.Name, ct).ConfigureAwait(false);
            if (existing is null)
            {
                try
                {
                    await api.CreateAsync(desired, ct).ConfigureAwait(false);
                    return;
                }
                catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
                {
                    existing = await api.GetAsync(desired.Metadata.NamespaceProperty, desired.Metadata.Name, ct).ConfigureAwait(false);
                    if (existing is null)
                    {
                        throw;
                    }
                }
            }
            if (!isUpToDate(existing, desired))
            {
                desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await api.ReplaceAsync(desired, ct).ConfigureAwait(false);
            }
        }
        catch (KubeApiException e) when (IsRefusal(e.StatusCode))
        {
            throw new PresentationRefusedException(
                $"the API server refused the HTTP-01 {desired.Kind} {desired.Metadata.NamespaceProperty}/{desired.Metadata.Name} " +
                $"for {challenge.Spec.DnsName} (HTTP {(int)e.StatusCode!}): {e.Message}", e);
        }
    }

    /// <summary>Answers that the same request will get again: admission denial (400/403/422), forbidden, invalid.</summary>
    public static bool IsRefusal(HttpStatusCode? code) =>
        code is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity;
}
