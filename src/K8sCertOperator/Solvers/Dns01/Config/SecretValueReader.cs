using System.Text;
using K8sCertOperator.Api;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>Reads Secret values through the caller's delegate and turns absence into a <see cref="Dns01ConfigException"/>.</summary>
internal sealed class SecretValueReader(
    string resourceNamespace,
    Func<string, string, CancellationToken, Task<byte[]?>> readSecret)
{
    /// <summary>The raw bytes of <paramref name="selector"/>; <paramref name="field"/> names the config field in messages.</summary>
    public async Task<byte[]> ReadBytesAsync(SecretKeySelector? selector, string field, CancellationToken ct)
    {
        if (selector is null || string.IsNullOrWhiteSpace(selector.Name))
        {
            throw new Dns01ConfigException($"{field}.name is required");
        }
        if (string.IsNullOrWhiteSpace(selector.Key))
        {
            throw new Dns01ConfigException($"{field}.key is required (Secret {Describe(selector.Name)})");
        }
        var value = await readSecret(selector.Name, selector.Key, ct).ConfigureAwait(false);
        if (value is null)
        {
            throw new Dns01ConfigException(
                $"{field}: Secret {Describe(selector.Name)} does not exist or has no key '{selector.Key}'");
        }
        if (value.Length == 0)
        {
            throw new Dns01ConfigException($"{field}: key '{selector.Key}' of Secret {Describe(selector.Name)} is empty");
        }
        return value;
    }

    /// <summary>The value as UTF-8 text with surrounding whitespace (the usual trailing newline) removed.</summary>
    public async Task<string> ReadStringAsync(SecretKeySelector? selector, string field, CancellationToken ct)
    {
        var text = Encoding.UTF8.GetString(await ReadBytesAsync(selector, field, ct).ConfigureAwait(false)).Trim();
        return text.Length > 0
            ? text
            : throw new Dns01ConfigException($"{field}: key '{selector!.Key}' of Secret {Describe(selector.Name)} is blank");
    }

    public string Describe(string secretName) => $"{resourceNamespace}/{secretName}";
}
