using System.Net;
using System.Text;
using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>RFC 7807 problem documents become typed exceptions, subproblems included.</summary>
public class AcmeProblemParsingTests
{
    private const string Compound = """
        {
          "type": "urn:ietf:params:acme:error:malformed",
          "detail": "Some of the identifiers requested were rejected",
          "subproblems": [
            {
              "type": "urn:ietf:params:acme:error:malformed",
              "detail": "Invalid underscore in DNS name \"_example.org\"",
              "identifier": { "type": "dns", "value": "_example.org" }
            },
            {
              "type": "urn:ietf:params:acme:error:rejectedIdentifier",
              "detail": "This CA will not issue for \"example.net\"",
              "identifier": { "type": "dns", "value": "example.net" }
            }
          ]
        }
        """;

    [Fact]
    public void Problem_with_subproblems_becomes_a_typed_exception()
    {
        var problem = AcmeProblemReader.Read(Response(HttpStatusCode.BadRequest, "application/problem+json", Compound));
        var error = new AcmeProtocolException(problem, 400);

        Assert.True(error.IsMalformed);
        Assert.Equal(400, error.Status);
        Assert.Equal(2, error.Subproblems.Count);
        Assert.Equal("_example.org", error.Subproblems[0].Identifier?.Value);
        Assert.True(error.IsRejectedIdentifier); // found in a subproblem
        Assert.Contains("example.net", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:ietf:params:acme:error:badNonce", 400, "IsBadNonce", true)]
    [InlineData("urn:ietf:params:acme:error:rateLimited", 429, "IsRateLimited", true)]
    [InlineData("urn:ietf:params:acme:error:externalAccountRequired", 401, "IsExternalAccountRequired", false)]
    [InlineData("urn:ietf:params:acme:error:accountDoesNotExist", 400, "IsAccountDoesNotExist", false)]
    [InlineData("urn:ietf:params:acme:error:rejectedIdentifier", 400, "IsRejectedIdentifier", false)]
    [InlineData("urn:ietf:params:acme:error:serverInternal", 500, "IsTransient", true)]
    public void Helpers_recognise_problem_types(string type, int status, string helper, bool transient)
    {
        var body = $$"""{"type":"{{type}}","detail":"d","status":{{status}}}""";
        var error = new AcmeProtocolException(AcmeProblemReader.Read(Response((HttpStatusCode)status, "application/problem+json", body)), status);

        Assert.True((bool)typeof(AcmeProtocolException).GetProperty(helper)!.GetValue(error)!);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(type, error.Type);
    }

    [Fact]
    public void A_non_problem_body_is_described_never_quoted()
    {
        var problem = AcmeProblemReader.Read(Response(HttpStatusCode.BadGateway, "text/html", "<html>internal secret page</html>"));

        Assert.Null(problem.Type);
        Assert.Equal(502, problem.Status);
        Assert.Equal("HTTP 502, text/html, 33 bytes", problem.Detail);
    }

    [Fact]
    public void Malformed_json_is_described_never_quoted()
    {
        var problem = AcmeProblemReader.Read(Response(HttpStatusCode.BadRequest, "application/problem+json", "{not json"));

        Assert.Equal(400, problem.Status);
        Assert.Equal("HTTP 400, application/problem+json, 9 bytes", problem.Detail);
    }

    [Fact]
    public void Json_that_is_not_a_problem_is_described_never_quoted()
    {
        var problem = AcmeProblemReader.Read(Response(HttpStatusCode.Forbidden, "application/json", """{"secret":"internal value"}"""));

        Assert.DoesNotContain("internal value", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirect_says_it_was_not_followed_without_naming_the_target()
    {
        var response = Response(HttpStatusCode.TemporaryRedirect, "text/plain", "go to http://10.0.0.1/admin") with { Location = new Uri("http://10.0.0.1/admin") };

        var problem = AcmeProblemReader.Read(response);

        Assert.Contains("redirects are not followed", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.1", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_detail_is_a_short_sanitized_excerpt()
    {
        var detail = "first\nsecond\u001b[0m " + new string('d', 5000);
        var subproblems = string.Join(',', Enumerable.Repeat("{\"type\":\"t\",\"detail\":\"s\"}", 50));
        var body = $$"""{"type":"urn:ietf:params:acme:error:malformed","detail":{{System.Text.Json.JsonSerializer.Serialize(detail)}},"instance":"http://internal/x","subproblems":[{{subproblems}}]}""";

        var problem = AcmeProblemReader.Read(Response(HttpStatusCode.BadRequest, "application/problem+json", body));

        Assert.StartsWith("first second[0m ddd", problem.Detail, StringComparison.Ordinal);
        Assert.True(problem.Detail!.Length <= 203, problem.Detail);
        Assert.Null(problem.Instance);
        Assert.Equal(10, problem.Subproblems!.Count);
    }

    private static AcmeResponse Response(HttpStatusCode status, string contentType, string body) => new()
    {
        RequestUri = new Uri("https://acme.example/x"),
        StatusCode = status,
        ContentType = contentType,
        Body = Encoding.UTF8.GetBytes(body),
    };
}
