using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Tests.Acme.Http;
using static K8sCertOperator.Tests.Acme.Http.ScriptedHandler;

namespace K8sCertOperator.Tests.Acme;

/// <summary>
/// newOrder sends "replaces" and "profile" only when the directory advertises ARI / the profile.
/// Pebble 2.4 has neither feature, so these cases run against scripted directories.
/// </summary>
public class AcmeClientNewOrderTests
{
    private const string PlainDirectory = """
        {"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/acct","newOrder":"https://ca.test/order"}
        """;

    private const string RichDirectory = """
        {"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/acct","newOrder":"https://ca.test/order",
         "renewalInfo":"https://ca.test/ari/","meta":{"profiles":{"tlsserver":"short-lived","classic":"90 days"}}}
        """;

    private const string OrderBody = """
        {"status":"pending","identifiers":[{"type":"dns","value":"a.example.com"}],"authorizations":["https://ca.test/authz/1"],"finalize":"https://ca.test/finalize/1"}
        """;

    public static TheoryData<string, string?, string?, bool, bool> Cases => new()
    {
        { PlainDirectory, "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", "tlsserver", false, false },
        { RichDirectory, "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", "tlsserver", true, true },
        { RichDirectory, null, "unknown-profile", false, false },
        { RichDirectory, null, null, false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Optional_fields_follow_the_directory(string directory, string? replaces, string? profile, bool expectReplaces, bool expectProfile)
    {
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.OK, body: directory),
            _ => Respond(HttpStatusCode.OK, nonce: "n1"),
            request =>
            {
                var response = Respond(HttpStatusCode.Created, nonce: "n2", body: OrderBody);
                response.Headers.Location = new Uri("https://ca.test/order/1");
                return response;
            });
        using var http = new HttpClient(handler);
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, new Uri("https://ca.test/dir"), key, new Uri("https://ca.test/acct/1"));

        var order = await client.NewOrderAsync([AcmeIdentifier.Dns("a.example.com")], replaces: replaces, profile: profile,
            cancellationToken: CancellationToken.None);

        Assert.Equal(new Uri("https://ca.test/order/1"), order.Location);
        Assert.Equal(AcmeStatus.Pending, order.Status);
        var payload = Payload(handler.Requests[2].Body);
        Assert.Equal(expectReplaces, payload.TryGetProperty("replaces", out _));
        Assert.Equal(expectProfile, payload.TryGetProperty("profile", out _));
        Assert.Equal("a.example.com", payload.GetProperty("identifiers")[0].GetProperty("value").GetString());
        Assert.False(payload.TryGetProperty("notBefore", out _));
    }

    [Fact]
    public async Task Renewal_info_is_fetched_by_cert_id_when_advertised()
    {
        const string ari = """{"suggestedWindow":{"start":"2026-12-01T00:00:00Z","end":"2026-12-02T00:00:00Z"}}""";
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.OK, body: RichDirectory),
            _ => Respond(HttpStatusCode.OK, body: ari, retryAfter: "21600"));
        using var http = new HttpClient(handler);
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, new Uri("https://ca.test/dir"), key);
        using var certificate = TestCertificates.WithAkiAndSerial([0x69, 0x88], [0x01, 0x02]);

        var info = await client.GetRenewalInfoAsync(certificate, CancellationToken.None);

        Assert.Equal("https://ca.test/ari/aYg.AQI", handler.Requests[1].Url.AbsoluteUri);
        Assert.Equal(HttpMethod.Get, handler.Requests[1].Method);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), info?.SuggestedWindow?.Start);
        Assert.Equal(TimeSpan.FromHours(6), info?.RetryAfter);
    }

    private static JsonElement Payload(string jwsBody)
    {
        var payload = JsonDocument.Parse(jwsBody).RootElement.GetProperty("payload").GetString()!;
        return JsonDocument.Parse(Base64Url.DecodeFromChars(payload)).RootElement.Clone();
    }
}
