using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>Deterministic Challenge names, so a re-run of the Order controller finds the Challenge it already made.</summary>
public static class ChallengeNaming
{
    private const int HashLength = 10;

    // 253 is the object-name limit; keep well under it so the name also fits in labels of derived objects.
    private const int MaxOrderPart = 52;

    /// <summary><c>&lt;order&gt;-&lt;hash of the authorization URL and type&gt;</c>.</summary>
    public static string For(string orderName, string authorizationUrl, string challengeType)
    {
        ArgumentNullException.ThrowIfNull(orderName);
        ArgumentNullException.ThrowIfNull(authorizationUrl);
        ArgumentNullException.ThrowIfNull(challengeType);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(authorizationUrl + "\n" + challengeType)))[..HashLength];
        var prefix = orderName.Length > MaxOrderPart ? orderName[..MaxOrderPart].TrimEnd('-', '.') : orderName;
        return $"{prefix}-{hash}";
    }
}
