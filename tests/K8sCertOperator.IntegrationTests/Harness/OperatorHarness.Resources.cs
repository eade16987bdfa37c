using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Issuers;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>The Issuers, Certificates and Secrets the operator tests create and read.</summary>
public sealed partial class OperatorHarness
{
    /// <summary>An ACME Issuer of Pebble (or <paramref name="server"/>, e.g. a relay) solving HTTP-01 through an Ingress.</summary>
    public Task<Issuer> CreateAcmeIssuerAsync(string name, CancellationToken ct, Uri? server = null) =>
        CreateIssuerAsync(name, ChallengeSolvers.Http01Ingress(), server, ct);

    /// <summary>An ACME Issuer of Pebble whose only solver is <paramref name="solver"/>.</summary>
    public Task<Issuer> CreateAcmeIssuerAsync(string name, AcmeChallengeSolver solver, CancellationToken ct) =>
        CreateIssuerAsync(name, solver, null, ct);

    /// <summary>An ACME Issuer whose only solver is RFC 2136 against <see cref="Bind"/>, the TSIG key in a Secret.</summary>
    public async Task<Issuer> CreateDns01IssuerAsync(string name, CancellationToken ct)
    {
        var bind = Bind ?? throw new InvalidOperationException("harness started without bind9");
        await Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name + "-tsig", NamespaceProperty = Namespace },
            Data = new Dictionary<string, byte[]> { ["secret"] = Encoding.ASCII.GetBytes(Convert.ToBase64String(bind.TsigSecret)) },
        }, ct);
        return await CreateIssuerAsync(name, ChallengeSolvers.Rfc2136(bind, name + "-tsig"), null, ct);
    }

    /// <summary>A Certificate for <paramref name="dnsNames"/> into Secret "NAME-tls"; <paramref name="adjust"/> changes its spec.</summary>
    public Task<Certificate> CreateCertificateAsync(string name, string issuer, IReadOnlyList<string> dnsNames, CancellationToken ct, Action<CertificateSpec>? adjust = null)
    {
        var certificate = TestCertificates.New(Namespace, name, issuer, dnsNames);
        adjust?.Invoke(certificate.Spec);
        return Apis.Certificates.CreateAsync(certificate, ct);
    }

    /// <summary>The leaf certificate in the tls.crt of Secret <paramref name="secretName"/>.</summary>
    public async Task<CertificateInfo> IssuedCertificateAsync(string secretName, CancellationToken ct)
    {
        var secret = await Apis.Secrets.GetAsync(Namespace, secretName, ct);
        return CertificateInfo.FromPem(Encoding.UTF8.GetString(secret!.Data["tls.crt"]));
    }

    /// <summary>
    /// Secret <paramref name="secretName"/> is a kubernetes.io/tls Secret whose key matches its leaf, whose leaf
    /// names exactly <paramref name="dnsNames"/>, and whose chain leads to Pebble's root.
    /// </summary>
    public async Task<V1Secret> AssertSecretServesAsync(string secretName, IReadOnlyList<string> dnsNames, CancellationToken ct)
    {
        var secret = await Apis.Secrets.GetAsync(Namespace, secretName, ct);
        Assert.NotNull(secret);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var chain = PemCodec.DecodeCertificates(Encoding.UTF8.GetString(secret.Data["tls.crt"]));
        using var key = PemCodec.DecodePrivateKey(Encoding.UTF8.GetString(secret.Data["tls.key"]));
        Assert.True(key.PublicKeyMatches(chain[0]), "tls.key does not match tls.crt");
        Assert.Equal(dnsNames.Order(StringComparer.Ordinal), CertificateInfo.FromCertificate(chain[0]).SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        var verdict = ChainVerifier.Verify(chain[0], chain.Skip(1), [await Pebble.GetRootAsync(0, ct)]);
        Assert.True(verdict.Ok, verdict.Error);
        return secret;
    }

    private Task<Issuer> CreateIssuerAsync(string name, AcmeChallengeSolver solver, Uri? server, CancellationToken ct) =>
        Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = AcmeIssuerBuilder.ForPebble(Pebble, name + "-account")
                .Server((server ?? Pebble.DirectoryUrl).ToString())
                .Email(_options.AccountEmail)
                .Solvers(solver)
                .Build(),
        }, ct);
}
