using System.Text;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Opaque LIST continue tokens: the last returned "namespace/name", base64url-encoded.</summary>
internal static class ContinueToken
{
    public static string Encode(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(lastKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Decode(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            throw ApiException.BadRequest($"continue key is not valid: {token}");
        }
    }
}
