using System.Net.Sockets;
using System.Security.Authentication;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>Registration failures become messages that say what to fix.</summary>
public class AcmeFailureMessagesTests
{
    private static readonly Uri Server = new("https://acme.example/dir");

    public static TheoryData<string, string> Cases() => new()
    {
        { "tls", "TLS error" },
        { "refused", "cannot reach" },
        { "eab", "requires an external account binding" },
        { "unauthorized", "rejected the account registration" },
        { "html", "did not answer as an ACME directory" },
        { "404", "did not answer as an ACME directory" },
        { "500", "failed to register" },
        { "mac", "invalid external account binding MAC key" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe(string kind, string expectedPart)
    {
        var message = AcmeFailureMessages.Describe(Error(kind), Server);

        Assert.Contains(expectedPart, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Innermost_cause_is_kept()
    {
        var error = new AcmeProtocolException("request failed after 4 attempts: boom",
            new HttpRequestException("boom", new SocketException((int)SocketError.ConnectionRefused)));

        var message = AcmeFailureMessages.Describe(error, Server);

        Assert.Contains(new SocketException((int)SocketError.ConnectionRefused).Message, message, StringComparison.Ordinal);
    }

    private static Exception Error(string kind) => kind switch
    {
        "tls" => new AcmeProtocolException("request failed", new HttpRequestException("SSL failed", new AuthenticationException("remote certificate is invalid"))),
        "refused" => new AcmeProtocolException("request failed", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))),
        "eab" => Problem(AcmeProblemTypes.ExternalAccountRequired, 403),
        "unauthorized" => Problem(AcmeProblemTypes.Unauthorized, 403),
        "html" => new AcmeProtocolException("malformed AcmeDirectory from https://acme.example/dir: '<' is an invalid start of a value"),
        "404" => Problem(null, 404),
        "500" => Problem(AcmeProblemTypes.ServerInternal, 500),
        "mac" => new FormatException("the EAB MAC key for key id 'k' is not valid base64url"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static AcmeProtocolException Problem(string? type, int status) =>
        new(new AcmeProblem { Type = type, Detail = "detail", Status = status }, status, null, Server);
}
