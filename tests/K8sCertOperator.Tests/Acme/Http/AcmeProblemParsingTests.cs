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
        var problem = AcmeHttpClient.ParseProblem(Response(HttpStatusCode.BadRequest, "application/problem+json", Compound));
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
        var error = new AcmeProtocolException(AcmeHttpClient.ParseProblem(Response((HttpStatusCode)status, "application/problem+json", body)), status);

        Assert.True((bool)typeof(AcmeProtocolException).GetProperty(helper)!.GetValue(error)!);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(type, error.Type);
    }

    [Fact]
    public void A_non_json_error_body_becomes_a_problem_with_an_excerpt()
    {
        var problem = AcmeHttpClient.ParseProblem(Response(HttpStatusCode.BadGateway, "text/html", "<html>bad gateway</html>"));

        Assert.Null(problem.Type);
        Assert.Equal(502, problem.Status);
        Assert.Contains("bad gateway", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_does_not_throw()
    {
        var problem = AcmeHttpClient.ParseProblem(Response(HttpStatusCode.BadRequest, "application/problem+json", "{not json"));

        Assert.Equal(400, problem.Status);
        Assert.Equal("{not json", problem.Detail);
    }

    private static AcmeResponse Response(HttpStatusCode status, string contentType, string body) => new()
    {
        RequestUri = new Uri("https://acme.example/x"),
        StatusCode = status,
        ContentType = contentType,
        Body = Encoding.UTF8.GetBytes(body),
    };
}
