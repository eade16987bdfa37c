using System.Net;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Tests.Acme.Http;
using static K8sCertOperator.Tests.Acme.Http.ScriptedHandler;

namespace K8sCertOperator.Tests.Acme;

/// <summary>Each <see cref="AcmeClient"/> operation names its request with the right metrics action.</summary>
public class AcmeClientRequestActionTests
{
    private const string Directory = """
        {"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/acct","newOrder":"https://ca.test/order",
         "revokeCert":"https://ca.test/revoke","keyChange":"https://ca.test/key-change","renewalInfo":"https://ca.test/ari/"}
        """;

    private const string OrderBody = """
        {"status":"pending","identifiers":[{"type":"dns","value":"a.example.com"}],"authorizations":["https://ca.test/authz/1"],"finalize":"https://ca.test/finalize/1"}
        """;

    private static readonly Uri OrderUrl = new("https://ca.test/order/1");

    /// <summary>Operation, its response (status, body, content type), and the action the attempt must carry.</summary>
    public static TheoryData<string, int, string, string, string> Operations => new()
    {
        { "NewAccount", 201, """{"status":"valid"}""", "application/json", "new-account" },
        { "FindAccount", 200, """{"status":"valid"}""", "application/json", "new-account" },
        { "DeactivateAccount", 200, """{"status":"deactivated"}""", "application/json", "account" },
        { "KeyChange", 200, "{}", "application/json", "key-change" },
        { "NewOrder", 201, OrderBody, "application/json", "new-order" },
        { "GetOrder", 200, OrderBody, "application/json", "get-order" },
        { "GetAuthorization", 200, """{"status":"valid","identifier":{"type":"dns","value":"a.example.com"},"challenges":[]}""", "application/json", "get-authz" },
        { "AnswerChallenge", 200, """{"type":"http-01","url":"https://ca.test/chall/1","status":"processing","token":"t"}""", "application/json", "challenge" },
        { "Finalize", 200, OrderBody, "application/json", "finalize" },
        { "DownloadCertificate", 200, LeafPem(), "application/pem-certificate-chain", "certificate" },
        { "Revoke", 200, "", "application/json", "revoke" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Signed_requests_carry_the_operation_action(string operation, int status, string body, string contentType, string expectedAction)
    {
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.OK, body: Directory),
            _ => Respond(HttpStatusCode.OK, nonce: "n1"),
            _ =>
            {
                var response = Respond((HttpStatusCode)status, nonce: "n2", body: body, contentType: contentType);
                response.Headers.Location = new Uri("https://ca.test/acct/1");
                return response;
            });
        var observer = new RecordingRequestObserver();
        using var http = new HttpClient(handler);
        using var key = JwsSigners.CreateEs256();
        using var newKey = JwsSigners.CreateEs256();
        var options = new AcmeClientOptions { Http = new AcmeHttpOptions { RequestObserver = observer } };
        var client = new AcmeClient(http, new Uri("https://ca.test/dir"), key, new Uri("https://ca.test/acct/1"), options);

        await Invoke(client, operation, newKey);

        Assert.Equal([("directory", "GET", "ca.test", 200), ("new-nonce", "HEAD", "ca.test", 200), (expectedAction, "POST", "ca.test", (int?)status)],
            observer.Attempts);
    }

    [Fact]
    public async Task Renewal_info_is_an_unsigned_get()
    {
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.OK, body: Directory),
            _ => Respond(HttpStatusCode.OK, body: """{"suggestedWindow":{"start":"2026-12-01T00:00:00Z","end":"2026-12-02T00:00:00Z"}}"""));
        var observer = new RecordingRequestObserver();
        using var http = new HttpClient(handler);
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, new Uri("https://ca.test/dir"), key,
            options: new AcmeClientOptions { Http = new AcmeHttpOptions { RequestObserver = observer } });
        using var certificate = TestCertificates.WithAkiAndSerial([0x69, 0x88], [0x01, 0x02]);

        await client.GetRenewalInfoAsync(certificate, CancellationToken.None);

        Assert.Equal([("directory", "GET", "ca.test", 200), ("renewal-info", "GET", "ca.test", (int?)200)], observer.Attempts);
    }

    [Fact]
    public void Action_labels_are_distinct_lower_case_names()
    {
        var labels = AcmeAction.All.Select(a => a.Label).ToList();
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.All(labels, l => Assert.Matches("^[a-z]+(-[a-z]+)*$", l));
    }

    private static Task Invoke(AcmeClient client, string operation, IJwsSigner newKey)
    {
        var ct = CancellationToken.None;
        return operation switch
        {
            "NewAccount" => client.NewAccountAsync(["admin@example.com"], termsOfServiceAgreed: true, null, ct),
            "FindAccount" => client.FindAccountAsync(ct),
            "DeactivateAccount" => client.DeactivateAccountAsync(ct),
            "KeyChange" => client.KeyChangeAsync(newKey, ct),
            "NewOrder" => client.NewOrderAsync([AcmeIdentifier.Dns("a.example.com")], cancellationToken: ct),
            "GetOrder" => client.GetOrderAsync(OrderUrl, ct),
            "GetAuthorization" => client.GetAuthorizationAsync(new Uri("https://ca.test/authz/1"), ct),
            "AnswerChallenge" => client.AnswerChallengeAsync(new Uri("https://ca.test/chall/1"), ct),
            "Finalize" => client.FinalizeAsync(new AcmeOrder { Finalize = new Uri("https://ca.test/finalize/1"), Location = OrderUrl }, [0x30, 0x00], ct),
            "DownloadCertificate" => client.DownloadCertificateAsync(new Uri("https://ca.test/cert/1"), null, ct),
            "Revoke" => client.RevokeCertificateAsync([0x30, 0x00], null, null, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no such operation in the table"),
        };
    }

    private static string LeafPem()
    {
        using var leaf = TestCertificates.WithAkiAndSerial([0x01], [0x01]);
        return leaf.ExportCertificatePem();
    }
}
