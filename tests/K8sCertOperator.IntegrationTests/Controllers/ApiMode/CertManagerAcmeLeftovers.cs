using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>One Certificate cert-manager issued: its name, Secret, DNS name, the certificate in the Secret and the renewalTime cert-manager recorded.</summary>
internal sealed record CertManagerAcmeCertificate(string Name, string SecretName, string DnsName, X509Certificate2 Leaf, DateTime RenewalTime);

/// <summary>
/// What cert-manager leaves behind for an ACME Issuer and the Certificates it issued, written the way cert-manager
/// writes it: an account registered with the ACME server, its key (PKCS#1 RSA, cert-manager's default) under
/// <c>tls.key</c> of the issuer's privateKeySecretRef Secret (for a ClusterIssuer in cert-manager's cluster resource
/// namespace, see <see cref="CertManagerAcmeSetup"/>), the issuer's status naming the account, and for each
/// Certificate the DNS-01 order, the TLS Secret with cert-manager's annotations, and the Ready status of revision 1.
/// The orders are placed with the operator's ACME client used as a library, before any operator runs.
/// </summary>
internal static class CertManagerAcmeLeftovers
{
    public const string IssuerName = "letsencrypt";
    public const string AccountKeySecret = "letsencrypt-account-key";
    public const string TsigSecret = "rfc2136-tsig";
    public const string Email = "ops@example.com";

    /// <summary>Registers the account, writes the issuer and issues <paramref name="count"/> Certificates; returns the account URL and them.</summary>
    public static async Task<(string AccountUrl, IReadOnlyList<CertManagerAcmeCertificate> Certificates)> WriteAsync(
        AcmeServerUnderTest acme, Bind9Fixture bind, IKubernetes client, string ns, int count, CancellationToken ct, CertManagerAcmeSetup? setup = null)
    {
        setup ??= new CertManagerAcmeSetup();
        var secretNamespace = setup.SecretNamespace ?? ns;
        using var rsa = RSA.Create(2048);
        var accountKeyPem = rsa.ExportRSAPrivateKeyPem();
        using var signer = JwsSigners.FromPrivateKeyPem(accountKeyPem);
        using var http = acme.Pebble?.CreateHttpClient() ?? new HttpClient();
        var account = new AcmeClient(http, acme.DirectoryUrl, signer);
        await account.NewAccountAsync([Email], termsOfServiceAgreed: true, null, ct);
        var accountUrl = account.AccountUrl!.AbsoluteUri;

        var secrets = new K8sCertOperator.Controllers.OperatorApis(client).Secrets;
        await secrets.CreateAsync(Opaque(secretNamespace, AccountKeySecret, "tls.key", accountKeyPem), ct);
        await secrets.CreateAsync(Opaque(secretNamespace, TsigSecret, "secret", Convert.ToBase64String(bind.TsigSecret)), ct);
        var cm = new CertManagerObjects(client, ns);
        var issuer = CertManagerObjects.Named(setup.IssuerName, setup.IssuerKind, IssuerSpec(acme, bind));
        var status = new V1Patch(IssuerStatus(accountUrl, rsa).ToJsonString(), V1Patch.PatchType.MergePatch);
        if (setup.IsClusterIssuer)
        {
            await cm.CreateClusterAsync(setup.IssuerPlural, issuer, ct);
            await client.CustomObjects.PatchClusterCustomObjectStatusAsync(status, CertManagerObjects.Group, "v1", setup.IssuerPlural, setup.IssuerName, cancellationToken: ct);
        }
        else
        {
            await cm.CreateAsync(setup.IssuerPlural, issuer, ct);
            await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(status, CertManagerObjects.Group, "v1", ns, setup.IssuerPlural, setup.IssuerName, cancellationToken: ct);
        }

        var issuance = new AcmeIssuance(account, new StandaloneChallengeResponder(null, new Rfc2136Provider(bind.CreateRfc2136Settings()), null));
        var issued = new CertManagerAcmeCertificate[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            issued[i] = await IssueAsync(issuance, client, cm, ns, $"app{i:D2}", setup, token);
        });
        return (accountUrl, issued);
    }

    private static async Task<CertManagerAcmeCertificate> IssueAsync(
        AcmeIssuance issuance, IKubernetes client, CertManagerObjects cm, string ns, string name, CertManagerAcmeSetup setup, CancellationToken ct)
    {
        var dnsName = $"{name}.example.com";
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Rsa));
        var result = await issuance.IssueAsync(new AcmeIssuanceRequest
        {
            Identifiers = [AcmeIdentifier.Dns(dnsName)],
            CsrDer = CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = [dnsName] }),
            ChallengeTypes = [AcmeChallenge.Dns01],
            Profile = setup.Profile,
        }, ct);
        var secretName = name + "-tls";
        await new K8sCertOperator.Controllers.OperatorApis(client).Secrets.CreateAsync(CertManagerIssued.TlsSecret(ns, secretName, result.Certificate.Pem, key,
            CertManagerIssued.SecretAnnotations(name, setup.IssuerName, setup.IssuerKind, dnsName), caPem: ""), ct);
        var spec = new JsonObject
        {
            ["secretName"] = secretName,
            ["dnsNames"] = new JsonArray(dnsName),
            ["issuerRef"] = CertManagerObjects.IssuerRef(setup.IssuerName, setup.IssuerKind),
        };
        if (setup.RenewBefore is { } renewBefore)
        {
            spec["renewBefore"] = $"{(long)renewBefore.TotalSeconds}s";
        }
        await cm.CreateAsync("certificates", CertManagerObjects.Named(name, "Certificate", spec), ct);
        var leaf = X509CertificateLoader.LoadCertificate(result.Certificate.Leaf.RawData);
        var renewalTime = CertManagerIssued.RenewalTime(leaf, setup.RenewBefore);
        await CertManagerIssued.WriteStatusAsync(client, ns, name, leaf, renewalTime, ct);
        return new CertManagerAcmeCertificate(name, secretName, dnsName, leaf, renewalTime);
    }

    /// <summary>An ACME issuer solving DNS-01 by RFC 2136 updates to the test's bind9.</summary>
    private static JsonObject IssuerSpec(AcmeServerUnderTest acme, Bind9Fixture bind)
    {
        var spec = new JsonObject
        {
            ["server"] = acme.DirectoryUrl.AbsoluteUri,
            ["email"] = Email,
            ["privateKeySecretRef"] = new JsonObject { ["name"] = AccountKeySecret },
            ["solvers"] = new JsonArray(new JsonObject
            {
                ["dns01"] = new JsonObject
                {
                    ["rfc2136"] = new JsonObject
                    {
                        ["nameserver"] = bind.Nameserver,
                        ["tsigKeyName"] = bind.TsigKeyName,
                        ["tsigAlgorithm"] = "HMACSHA256",
                        ["tsigSecretSecretRef"] = new JsonObject { ["name"] = TsigSecret, ["key"] = "secret" },
                    },
                },
            }),
        };
        if (acme.TlsCaPem is { } ca)
        {
            spec["caBundle"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(ca));
        }
        return new JsonObject { ["acme"] = spec };
    }

    /// <summary>The status cert-manager's Issuer controller writes after registering (its key hash: SHA-256 of the PKCS#1 key, base64).</summary>
    private static JsonObject IssuerStatus(string accountUrl, RSA key) => new()
    {
        ["status"] = new JsonObject
        {
            ["acme"] = new JsonObject
            {
                ["uri"] = accountUrl,
                ["lastRegisteredEmail"] = Email,
                ["lastPrivateKeyHash"] = Convert.ToBase64String(SHA256.HashData(key.ExportRSAPrivateKey())),
            },
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready", ["status"] = "True", ["reason"] = "ACMEAccountRegistered", ["observedGeneration"] = 1,
                ["message"] = "The ACME account was registered with the ACME server", ["lastTransitionTime"] = CertManagerIssued.Rfc3339(DateTime.UtcNow),
            }),
        },
    };

    private static V1Secret Opaque(string ns, string name, string key, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]> { [key] = Encoding.ASCII.GetBytes(value) },
    };
}
