using System.Globalization;
using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// Asks the operator to re-issue a Certificate now: stamps <see cref="PolicyAnnotations.RenewRequestedAt"/>
/// (the trigger re-issues while the Secret does not carry the same value) and clears the failure back-off
/// so the request is not held behind an earlier failure.
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

    public static async Task RenewAsync(IResourceApi<Certificate> certificates, Certificate certificate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(certificate);
        var ns = certificate.Metadata.NamespaceProperty;
        var name = certificate.Metadata.Name;
        await certificates.PatchAsync(ns, name, AnnotationPatch(now), cancellationToken).ConfigureAwait(false);
        if (certificate.Status?.LastFailureTime is not null || certificate.Status?.FailedIssuanceAttempts is not null)
        {
            await certificates.PatchStatusAsync(ns, name, ClearBackoffPatch, cancellationToken).ConfigureAwait(false);
        }
    }
}
