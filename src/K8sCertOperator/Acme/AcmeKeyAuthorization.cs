using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>Key authorizations and the values challenge responders publish (RFC 8555 §8.1, §8.3, §8.4).</summary>
public static class AcmeKeyAuthorization
{
    /// <summary>token || '.' || base64url(JWK thumbprint of the account key).</summary>
    public static string Compute(string token, Jwk accountKey) => token + "." + accountKey.ComputeThumbprint();

    /// <summary>The TXT record value for DNS-01: base64url(SHA-256(key authorization)).</summary>
    public static string Dns01TxtValue(string keyAuthorization) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(keyAuthorization)));

    /// <summary>The fully qualified TXT record name, "_acme-challenge.&lt;name&gt;." (wildcard label removed).</summary>
    public static string Dns01RecordName(AcmeIdentifier identifier)
    {
        var name = identifier.Value.StartsWith("*.", StringComparison.Ordinal) ? identifier.Value[2..] : identifier.Value;
        return "_acme-challenge." + name.TrimEnd('.') + ".";
    }

    /// <summary>The HTTP-01 path, "/.well-known/acme-challenge/&lt;token&gt;".</summary>
    public static string Http01Path(string token) => "/.well-known/acme-challenge/" + token;
}
