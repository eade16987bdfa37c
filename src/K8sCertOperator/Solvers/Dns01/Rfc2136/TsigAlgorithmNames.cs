using ARSoft.Tools.Net.Dns;

namespace K8sCertOperator.Solvers.Dns01.Rfc2136;

/// <summary>Maps TSIG algorithm names as users write them (RFC 8945 names, BIND names, cert-manager's <c>HMACSHA256</c>) to the wire algorithm.</summary>
public static class TsigAlgorithmNames
{
    /// <summary>The algorithm for <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the supported names otherwise.</summary>
    public static TSigAlgorithm Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().TrimEnd('.').ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal);
        return key switch
        {
            "hmacmd5" or "hmacmd5.sigalg.reg.int" => TSigAlgorithm.Md5,
            "hmacsha1" => TSigAlgorithm.Sha1,
            "hmacsha224" => TSigAlgorithm.Sha224,
            "hmacsha256" => TSigAlgorithm.Sha256,
            "hmacsha384" => TSigAlgorithm.Sha384,
            "hmacsha512" => TSigAlgorithm.Sha512,
            _ => throw new ArgumentException(
                $"unsupported TSIG algorithm '{name}'; use one of hmac-sha256, hmac-sha512, hmac-sha384, hmac-sha224, hmac-sha1, hmac-md5",
                nameof(name)),
        };
    }

    /// <summary>The RFC 8945 wire name (<c>hmac-sha256</c>, <c>hmac-md5.sig-alg.reg.int</c>).</summary>
    public static string WireName(TSigAlgorithm algorithm) => algorithm switch
    {
        TSigAlgorithm.Md5 => "hmac-md5.sig-alg.reg.int",
        TSigAlgorithm.Sha1 => "hmac-sha1",
        TSigAlgorithm.Sha224 => "hmac-sha224",
        TSigAlgorithm.Sha256 => "hmac-sha256",
        TSigAlgorithm.Sha384 => "hmac-sha384",
        TSigAlgorithm.Sha512 => "hmac-sha512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a supported TSIG algorithm"),
    };
}
