using System.Globalization;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>Parses the private-key-* annotations into <see cref="CertificatePrivateKey"/> (null when none is set).</summary>
public static class PrivateKeyTuning
{
    public static CertificatePrivateKey? Parse(ShimAnnotationReader annotations, List<ShimProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(problems);
        void Bad(string ourKey, string value, string why) =>
            problems.Add(new ShimProblem(ShimProblem.BadConfig, $"{annotations.SourceKey(ourKey)} \"{value}\": {why}"));

        var algorithm = Canonical(annotations, AnnotationKeys.IngressPrivateKeyAlgorithm, PrivateKeyAlgorithms.All, Bad);
        var encoding = Canonical(annotations, AnnotationKeys.IngressPrivateKeyEncoding, PrivateKeyEncodings.All, Bad);
        var rotation = Canonical(annotations, AnnotationKeys.IngressPrivateKeyRotationPolicy, RotationPolicies.All, Bad);
        int? size = null;
        if (annotations.Get(AnnotationKeys.IngressPrivateKeySize) is { } sizeText)
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                Bad(AnnotationKeys.IngressPrivateKeySize, sizeText, "not an integer");
            }
            else
            {
                var allowed = (algorithm ?? PrivateKeyAlgorithms.Rsa) switch
                {
                    PrivateKeyAlgorithms.Rsa => PrivateKeyAlgorithms.RsaSizes,
                    PrivateKeyAlgorithms.Ecdsa => PrivateKeyAlgorithms.EcdsaSizes,
                    _ => null,
                };
                if (allowed is not null && !allowed.Contains(parsed))
                {
                    Bad(AnnotationKeys.IngressPrivateKeySize, sizeText, $"not a valid size for {algorithm ?? PrivateKeyAlgorithms.Rsa} ({string.Join(", ", allowed)})");
                }
                else
                {
                    size = allowed is null ? null : parsed;
                }
            }
        }

        if (algorithm is null && encoding is null && rotation is null && size is null)
        {
            return null;
        }

        return new CertificatePrivateKey { Algorithm = algorithm, Size = size, Encoding = encoding, RotationPolicy = rotation };
    }

    // Values are matched case-insensitively and written in the spelling the CRD enum uses.
    private static string? Canonical(ShimAnnotationReader annotations, string key, IReadOnlyList<string> allowed, Action<string, string, string> bad)
    {
        var value = annotations.Get(key);
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            bad(key, value, $"must be one of {string.Join(", ", allowed)}");
        }

        return match;
    }
}
