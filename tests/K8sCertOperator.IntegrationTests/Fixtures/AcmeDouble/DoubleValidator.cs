using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>
/// The double's validation authority for the DNS challenges, following the drafts and Pebble's VA: dns-01 and
/// dns-account-01 look for base64url(SHA-256(keyAuthorization)) at <c>_acme-challenge.NAME</c> or
/// <c>_LABEL._acme-challenge.NAME</c>; dns-persist-01 looks at <c>_validation-persist.NAME</c> for a record naming one of
/// the offered issuer domain names and the account (plus <c>policy=wildcard</c> for a wildcard, <c>persistUntil</c> not
/// passed). TXT records come from the real DNS server the test runs.
/// </summary>
internal static class DoubleValidator
{
    /// <summary>Null when the challenge is proven; the problem detail otherwise.</summary>
    public static async Task<string?> ValidateAsync(
        DoubleChallenge challenge, IReadOnlyList<string> issuerDomainNames, Func<string, CancellationToken, Task<IReadOnlyList<string>>> queryTxt,
        DateTimeOffset now, CancellationToken ct)
    {
        var authz = challenge.Authorization;
        var name = authz.Identifier.TrimEnd('.').ToLowerInvariant();
        switch (challenge.Type)
        {
            case "dns-01":
            case "dns-account-01":
            {
                var digest = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Token + "." + authz.Account.Thumbprint)));
                var owner = challenge.Type == "dns-01" ? $"_acme-challenge.{name}." : $"_{AccountLabel(authz.Account.Url)}._acme-challenge.{name}.";
                var values = await queryTxt(owner, ct).ConfigureAwait(false);
                return values.Any(v => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(v), Encoding.UTF8.GetBytes(digest)))
                    ? null
                    : values.Count == 0 ? $"No TXT record found at {owner}" : $"Incorrect TXT record found at {owner}";
            }
            case "dns-persist-01":
            {
                var owner = $"_validation-persist.{name}.";
                var values = await queryTxt(owner, ct).ConfigureAwait(false);
                return values.Any(v => PersistRecordAuthorizes(v, issuerDomainNames, authz.Account.Url, authz.Wildcard, now))
                    ? null
                    : "No valid dns-persist-01 record found for this challenge";
            }
            default:
                return $"the double does not validate {challenge.Type}";
        }
    }

    /// <summary>Lower-case RFC 4648 base32 of the first 10 bytes of SHA-256(account URL) (draft-ietf-acme-dns-account-label).</summary>
    public static string AccountLabel(string accountUrl)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = new StringBuilder();
        foreach (var b in SHA256.HashData(Encoding.UTF8.GetBytes(accountUrl)).AsSpan(0, 10))
        {
            bits.Append(Convert.ToString(b, 2).PadLeft(8, '0'));
        }
        var label = new StringBuilder();
        for (var i = 0; i < bits.Length; i += 5)
        {
            label.Append(alphabet[Convert.ToInt32(bits.ToString(i, 5), 2)]);
        }
        return label.ToString().ToLowerInvariant();
    }

    /// <summary>Parses one TXT value as Pebble's VA does and judges it for this account and name.</summary>
    public static bool PersistRecordAuthorizes(string value, IReadOnlyList<string> issuerDomainNames, string accountUrl, bool wildcard, DateTimeOffset now)
    {
        var fields = value.Split(';').Select(f => f.Trim()).ToList();
        var issuer = fields[0].TrimEnd('.').ToLowerInvariant();
        if (issuer.Length == 0)
        {
            return false;
        }
        string? account = null, policy = null, until = null;
        foreach (var field in fields.Skip(1).Where(f => f.Length > 0))
        {
            var at = field.IndexOf('=', StringComparison.Ordinal);
            if (at < 0)
            {
                return false; // malformed parameter: the whole record is rejected
            }
            var (key, val) = (field[..at].Trim().ToLowerInvariant(), field[(at + 1)..].Trim());
            switch (key)
            {
                case "accounturi" when account is null: account = val; break;
                case "policy" when policy is null: policy = val.ToLowerInvariant(); break;
                case "persistuntil" when until is null: until = val; break;
                case "accounturi" or "policy" or "persistuntil": return false; // duplicate
            }
        }
        if (string.IsNullOrEmpty(account) || account != accountUrl || !issuerDomainNames.Any(n => n.TrimEnd('.').Equals(issuer, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        if (wildcard && policy != "wildcard")
        {
            return false;
        }
        return until is null || (long.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && now.ToUnixTimeSeconds() <= seconds);
    }
}
