using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>rfc2136 block → <see cref="Rfc2136Settings"/>.</summary>
internal static class Rfc2136ConfigMapper
{
    /// <summary>cert-manager's default when tsigAlgorithm is absent.</summary>
    public const string DefaultTsigAlgorithm = "HMACMD5";

    public static async Task<Rfc2136Settings> MapAsync(AcmeIssuerDnsRfc2136 config, SecretValueReader secrets, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(config.Nameserver))
        {
            throw new Dns01ConfigException("rfc2136.nameserver is required");
        }
        try
        {
            NameserverAddress.Parse(config.Nameserver);
        }
        catch (FormatException e)
        {
            throw new Dns01ConfigException($"rfc2136.nameserver is invalid: {e.Message}", e);
        }

        var algorithm = string.IsNullOrWhiteSpace(config.TsigAlgorithm) ? DefaultTsigAlgorithm : config.TsigAlgorithm.Trim();
        try
        {
            TsigAlgorithmNames.Parse(algorithm);
        }
        catch (ArgumentException e)
        {
            throw new Dns01ConfigException($"rfc2136.tsigAlgorithm is invalid: {e.Message}", e);
        }

        var hasKeyName = !string.IsNullOrWhiteSpace(config.TsigKeyName);
        if (!hasKeyName && config.TsigSecretSecretRef is null)
        {
            return new Rfc2136Settings(config.Nameserver.Trim(), TsigAlgorithm: algorithm);
        }
        // Half a TSIG configuration would silently send unsigned updates that the server then refuses.
        if (!hasKeyName)
        {
            throw new Dns01ConfigException("rfc2136.tsigKeyName is required when tsigSecretSecretRef is set");
        }
        if (config.TsigSecretSecretRef is null)
        {
            throw new Dns01ConfigException("rfc2136.tsigSecretSecretRef is required when tsigKeyName is set");
        }

        // As with cert-manager (and BIND's key files), the Secret holds the TSIG key in base64.
        var encoded = await secrets.ReadStringAsync(config.TsigSecretSecretRef, "rfc2136.tsigSecretSecretRef", ct).ConfigureAwait(false);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new Dns01ConfigException(
                $"rfc2136.tsigSecretSecretRef: key '{config.TsigSecretSecretRef.Key}' of Secret {secrets.Describe(config.TsigSecretSecretRef.Name)} is not valid base64",
                e);
        }
        return new Rfc2136Settings(config.Nameserver.Trim(), config.TsigKeyName!.Trim(), algorithm, key);
    }
}
