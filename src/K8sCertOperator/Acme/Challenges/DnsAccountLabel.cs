using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Acme.Challenges;

/// <summary>
/// The dns-account-01 record name (draft-ietf-acme-dns-account-label §3.1): <c>_LABEL._acme-challenge.NAME</c>, where
/// LABEL is the lower-case base32 (RFC 4648, no padding) of the first 10 bytes of SHA-256 over the account URL.
/// </summary>
public static class DnsAccountLabel
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The 16-character label for <paramref name="accountUrl"/>, without the leading underscore.</summary>
    public static string For(string accountUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountUrl);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(accountUrl));
        // 10 bytes = 80 bits = exactly 16 base32 characters: no padding to strip.
        var text = new StringBuilder(16);
        for (var bit = 0; bit < 80; bit += 5)
        {
            var index = bit / 8;
            var window = (digest[index] << 8) | (index + 1 < 10 ? digest[index + 1] : 0);
            text.Append(Alphabet[(window >> (11 - (bit % 8))) & 0x1f]);
        }
        return text.ToString();
    }

    /// <summary>Absolute record name for <paramref name="domain"/> (a leading <c>*.</c> is dropped).</summary>
    public static string RecordName(string accountUrl, string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var name = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            name = name[2..];
        }
        return $"_{For(accountUrl)}._acme-challenge.{name}.";
    }
}
