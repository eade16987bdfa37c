using System.Text;
using System.Text.Json.Nodes;
using k8s;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// `revoke NAME` through the cluster: revokes the certificate in the Certificate's Secret with the ACME
/// account of its issuer, records a Revoked condition, and optionally asks for a new certificate.
/// </summary>
public static class CertificateRevoker
{
    /// <summary>
    /// RFC 5280 keyCompromise: the key must not be used again, so its value is emptied in the Secret. The key
    /// itself stays present: a kubernetes.io/tls Secret must keep both tls.crt and tls.key (empty values allowed).
    /// </summary>
    public const int KeyCompromise = RevokedConditionPolicy.KeyCompromiseReason;

    /// <param name="operatorNamespace">Where a ClusterIssuer's account key Secret is (the operator's, or cert-manager's cluster resource namespace).</param>
    /// <param name="apiMode">The API of the Certificate (default k8scert.io); its issuer is read from the same.</param>
    public static async Task<int> RunAsync(
        IKubernetes client, string ns, string name, int? reason, bool reissue, string operatorNamespace,
        TimeProvider time, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ApiModeChoice? apiMode = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var choice = apiMode ?? ApiModeChoice.K8sCert;
        var (apis, certificate) = await choice.GetAsync(client, a => a.Certificates, ns, name, cancellationToken).ConfigureAwait(false);
        if (certificate is null)
        {
            await stderr.WriteLineAsync(choice.NotFound(ApiGroups.CertificateKind, ns, name)).ConfigureAwait(false);
            return ExitCodes.NotFound;
        }
        var secret = await apis.Secrets.GetAsync(ns, certificate.Spec.SecretName, cancellationToken).ConfigureAwait(false);
        if (secret?.Data is null || !secret.Data.TryGetValue(SecretKeys.TlsCertificate, out var pem) || pem.Length == 0)
        {
            await stderr.WriteLineAsync($"error: Secret {ns}/{certificate.Spec.SecretName} holds no certificate to revoke").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }
        var issuerRef = certificate.Spec.IssuerRef;
        IGenericIssuer? issuer = issuerRef.IsClusterIssuer
            ? await apis.ClusterIssuers.GetAsync(null, issuerRef.Name, cancellationToken).ConfigureAwait(false)
            : await apis.Issuers.GetAsync(ns, issuerRef.Name, cancellationToken).ConfigureAwait(false);
        if (issuer?.Spec?.Acme is not { } acme)
        {
            await stderr.WriteLineAsync(issuer is null
                ? $"error: {issuerRef.EffectiveKind} {issuerRef.Name} not found"
                : $"error: {issuerRef.EffectiveKind} {issuerRef.Name} is not an ACME issuer; only ACME certificates can be revoked").ConfigureAwait(false);
            return issuer is null ? ExitCodes.NotFound : ExitCodes.Failed;
        }
        if (issuer.Status?.Acme?.Uri is not { Length: > 0 } accountUri)
        {
            await stderr.WriteLineAsync($"error: {issuerRef.EffectiveKind} {issuerRef.Name} has no registered ACME account yet").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        var keyNamespace = issuer is ClusterIssuer ? operatorNamespace : ns;
        var keySecret = await apis.Secrets.GetAsync(keyNamespace, acme.PrivateKeySecretRef.Name, cancellationToken).ConfigureAwait(false);
        using var accountKey = keySecret is null ? null : AcmeAccountKeys.Parse(keySecret, AcmeAccountKeys.SecretKeyOf(acme.PrivateKeySecretRef), out _);
        if (accountKey is null)
        {
            await stderr.WriteLineAsync($"error: no usable account key in Secret {keyNamespace}/{acme.PrivateKeySecretRef.Name}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var chain = PemCodec.DecodeCertificates(Encoding.UTF8.GetString(pem));
        var leafDer = chain[0].RawData;
        var serial = CertificateInfo.FromCertificate(chain[0]).SerialNumberHex;
        foreach (var c in chain)
        {
            c.Dispose();
        }
        var tls = new AcmeTlsOptions
        {
            TrustedCaBundlePem = acme.CaBundle is { Length: > 0 } bundle ? Encoding.UTF8.GetString(bundle) : null,
            InsecureSkipVerify = acme.SkipTlsVerify == true,
        };
        using var http = AcmeHttpHandlerFactory.CreateClient(tls);
        var acmeClient = new AcmeClient(http, new Uri(acme.Server), accountKey, new Uri(accountUri));
        try
        {
            await acmeClient.RevokeCertificateAsync(leafDer, reason, null, cancellationToken).ConfigureAwait(false);
        }
        catch (AcmeProtocolException e) when (e.Type == AcmeProblemTypes.AlreadyRevoked)
        {
            await stderr.WriteLineAsync($"warning: serial {serial} was already revoked").ConfigureAwait(false);
        }
        await stdout.WriteLineAsync($"Revoked certificate serial {serial} of Certificate {ns}/{name} (reason {reason ?? 0})").ConfigureAwait(false);

        var now = time.GetUtcNow().UtcDateTime;
        // The issuing step removes this condition once a new certificate replaces the revoked one.
        var conditions = ConditionSet.Set(certificate.Status?.Conditions, ConditionTypes.Revoked, ConditionStatus.True, ConditionReasons.Revoked,
            RevokedConditionPolicy.Message(serial, reason), certificate.Metadata.Generation, now);
        var statusPatch = new JsonObject { ["status"] = new JsonObject { ["conditions"] = JsonNode.Parse(KubeJson.Serialize(conditions)) } };
        await apis.Certificates.PatchStatusAsync(ns, name, statusPatch.ToJsonString(), cancellationToken).ConfigureAwait(false);

        if (reason == KeyCompromise)
        {
            // An empty tls.key means "no key": the key manager cannot reuse the compromised key, whatever the rotation
            // policy, and the Secret stays valid (removing the entry is refused by kube-apiserver). tls.crt keeps the
            // revoked certificate until the new one replaces it; the Revoked condition names its serial.
            await apis.Secrets.PatchAsync(ns, certificate.Spec.SecretName, "{\"data\":{\"" + SecretKeys.TlsPrivateKey + "\":\"\"}}", cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"Emptied the compromised private key in Secret {ns}/{certificate.Spec.SecretName}").ConfigureAwait(false);
        }
        if (reissue)
        {
            var fresh = await apis.Certificates.GetAsync(ns, name, cancellationToken).ConfigureAwait(false) ?? certificate;
            await CertificateRenewer.RenewAsync(apis, fresh, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"Manually triggered issuance of Certificate {ns}/{name}").ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }
}
