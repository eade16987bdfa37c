using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>Fluent spec of an ACME issuer for tests.</summary>
internal sealed class AcmeIssuerBuilder(Uri server)
{
    private readonly AcmeIssuer _acme = new()
    {
        Server = server.AbsoluteUri,
        PrivateKeySecretRef = new SecretKeySelector { Name = "acme-account-key" },
    };

    /// <summary>An issuer of <paramref name="pebble"/> that trusts its TLS CA, its account key in <paramref name="accountKeySecret"/>.</summary>
    public static AcmeIssuerBuilder ForPebble(PebbleFixture pebble, string accountKeySecret) =>
        new AcmeIssuerBuilder(pebble.DirectoryUrl).Server(pebble.DirectoryUrl.ToString()).CaBundle(pebble.TlsCaPem).KeySecret(accountKeySecret);

    public AcmeIssuerBuilder Server(string server)
    {
        _acme.Server = server;
        return this;
    }

    public AcmeIssuerBuilder CaBundle(string pem)
    {
        _acme.CaBundle = Encoding.UTF8.GetBytes(pem);
        return this;
    }

    public AcmeIssuerBuilder Email(string email)
    {
        _acme.Email = email;
        return this;
    }

    public AcmeIssuerBuilder KeySecret(string name, string? key = null)
    {
        _acme.PrivateKeySecretRef = new SecretKeySelector { Name = name, Key = key };
        return this;
    }

    public AcmeIssuerBuilder Eab(string keyId, string secretName, string secretKey, string? keyAlgorithm = null)
    {
        _acme.ExternalAccountBinding = new AcmeExternalAccountBinding
        {
            KeyId = keyId,
            KeySecretRef = new SecretKeySelector { Name = secretName, Key = secretKey },
            KeyAlgorithm = keyAlgorithm,
        };
        return this;
    }

    public AcmeIssuerBuilder Solvers(params AcmeChallengeSolver[] solvers)
    {
        _acme.Solvers = [.. solvers];
        return this;
    }

    public IssuerSpec Build() => new() { Acme = _acme };
}
