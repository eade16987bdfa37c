using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>Account key Secrets: shape, parsing and the key hash.</summary>
public class AcmeAccountKeysTests
{
    [Theory]
    [InlineData(null, "tls.key")]
    [InlineData("", "tls.key")]
    [InlineData("key.pem", "key.pem")]
    public void SecretKeyOf_defaults_to_tls_key(string? key, string expected) =>
        Assert.Equal(expected, AcmeAccountKeys.SecretKeyOf(new SecretKeySelector { Name = "s", Key = key }));

    [Fact]
    public void New_secret_is_managed_unowned_and_round_trips()
    {
        using var key = JwsSigners.CreateEs256();

        var secret = AcmeAccountKeys.NewSecret("ns", "acct", "tls.key", key.ExportPrivateKeyPem());
        using var parsed = AcmeAccountKeys.Parse(secret, "tls.key", out var error);

        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.Null(secret.Metadata.OwnerReferences);
        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(AcmeAccountKeys.Hash(key), AcmeAccountKeys.Hash(parsed));
    }

    [Fact]
    public void Different_keys_hash_differently()
    {
        using var a = JwsSigners.CreateEs256();
        using var b = JwsSigners.CreateEs256();

        Assert.NotEqual(AcmeAccountKeys.Hash(a), AcmeAccountKeys.Hash(b));
    }

    [Fact]
    public void An_rsa_key_hashes_as_cert_manager_records_it_whatever_its_pem_encoding()
    {
        using var rsa = RSA.Create(2048);
        var pkcs1Pem = rsa.ExportRSAPrivateKeyPem();
        // cert-manager: base64(SHA-256(PKCS#1 DER)), the bytes inside the "RSA PRIVATE KEY" PEM it stores.
        var expected = Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(pkcs1Pem[PemEncoding.Find(pkcs1Pem).Base64Data])));

        using var fromPkcs1 = JwsSigners.FromPrivateKeyPem(pkcs1Pem);
        using var fromPkcs8 = JwsSigners.FromPrivateKeyPem(rsa.ExportPkcs8PrivateKeyPem());

        Assert.Equal(expected, AcmeAccountKeys.Hash(fromPkcs1));
        Assert.Equal(expected, AcmeAccountKeys.Hash(fromPkcs8));
    }

    [Fact]
    public void An_ec_key_hashes_its_pkcs8_der()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = JwsSigners.FromPrivateKeyPem(ec.ExportECPrivateKeyPem());

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(ec.ExportPkcs8PrivateKey())), AcmeAccountKeys.Hash(signer));
    }

    [Theory]
    [InlineData(null, "has no 'tls.key' entry")]
    [InlineData("", "has no 'tls.key' entry")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n", "does not hold a PEM")]
    [InlineData("hello", "does not hold a PEM")]
    public void Unusable_keys_are_reported_without_their_content(string? content, string expectedPart)
    {
        var data = content is null ? new Dictionary<string, byte[]>() : new Dictionary<string, byte[]> { ["tls.key"] = Encoding.UTF8.GetBytes(content) };
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "acct", NamespaceProperty = "ns" }, Data = data };

        var signer = AcmeAccountKeys.Parse(secret, "tls.key", out var error);

        Assert.Null(signer);
        Assert.Contains(expectedPart, error, StringComparison.Ordinal);
        Assert.DoesNotContain("QUJD", error, StringComparison.Ordinal);
        Assert.Contains("ns/acct", error, StringComparison.Ordinal);
    }
}
