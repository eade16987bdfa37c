using System.Globalization;
using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// Asks for a Certificate to be re-issued now. In the operator's own API (k8scert.io): stamps
/// <see cref="PolicyAnnotations.RenewRequestedAt"/> (the trigger re-issues while the Secret does not carry the same
/// value) and clears the failure back-off so the request is not held behind an earlier failure. In cert-manager's API:
/// what `cmctl renew` does, so that cert-manager and the operator in cert-manager mode both honour it: the Issuing
/// condition set to True with reason ManuallyTriggered, written with the status just read (a concurrent change makes
/// it a Conflict, not an overwrite).
/// </summary>
public static class CertificateRenewer
{
    /// <summary>
    /// Merge patch setting the renew-requested-at annotation to <paramref name="now"/> (RFC 3339, UTC). Fractions of a
    /// second are kept: the trigger ignores requests not newer than the certificate's notBefore, and a request made in
    /// the same second as the last issuance must still count.
    /// </summary>
    public static string AnnotationPatch(DateTimeOffset now) => new JsonObject
    {
        ["metadata"] = new JsonObject
        {
            ["annotations"] = new JsonObject
            {
                [PolicyAnnotations.RenewRequestedAt] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            },
        },
    }.ToJsonString();

    /// <summary>Status merge patch removing the back-off fields; null removes a field in a merge patch.</summary>
    public const string ClearBackoffPatch = "{\"status\":{\"lastFailureTime\":null,\"failedIssuanceAttempts\":null}}";

    /// <summary>The message `cmctl renew` writes on the Issuing condition.</summary>
    public const string ManuallyTriggeredMessage = "Certificate re-issuance manually triggered";

    private const int MaxConflictRetries = 5;

    public static async Task RenewAsync(OperatorApis apis, Certificate certificate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apis);
        ArgumentNullException.ThrowIfNull(certificate);
        var certificates = apis.Certificates;
        if (!apis.Flavor.IsNative)
        {
            await SetManuallyTriggeredAsync(certificates, certificate, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var ns = certificate.Metadata.NamespaceProperty;
        var name = certificate.Metadata.Name;
        await certificates.PatchAsync(ns, name, AnnotationPatch(now), cancellationToken).ConfigureAwait(false);
        if (certificate.Status?.LastFailureTime is not null || certificate.Status?.FailedIssuanceAttempts is not null)
        {
            await certificates.PatchStatusAsync(ns, name, ClearBackoffPatch, cancellationToken).ConfigureAwait(false);
        }
    }

    // The status PUT carries the resourceVersion read; a controller writing in between (a Conflict) means reading again.
    private static async Task SetManuallyTriggeredAsync(IResourceApi<Certificate> certificates, Certificate certificate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            certificate.Status ??= new CertificateStatus();
            certificate.Status.Conditions = ConditionSet.Set(certificate.Status.Conditions, ConditionTypes.Issuing, ConditionStatus.True,
                ConditionReasons.ManuallyTriggered, ManuallyTriggeredMessage, certificate.Metadata.Generation, now.UtcDateTime);
            try
            {
                await certificates.ReplaceStatusAsync(certificate, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Conflict && attempt < MaxConflictRetries)
            {
                certificate = await certificates.GetAsync(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name, cancellationToken).ConfigureAwait(false)
                    ?? throw new KubeApiException(KubeApiErrorKind.NotFound, null, $"Certificate {certificate.Metadata.NamespaceProperty}/{certificate.Metadata.Name} was deleted");
            }
        }
    }
}
