using System.Text;
using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting.Http;

public class HttpRequestParserTests
{
    public static TheoryData<string, int> HeadEnds => new()
    {
        { "GET / HTTP/1.1\r\nHost: a\r\n\r\n", 27 },
        { "GET / HTTP/1.1\r\nHost: a\r\n\r\nbody", 27 },
        { "GET / HTTP/1.1\nHost: a\n\n", 24 },
        { "\r\nGET / HTTP/1.0\r\n\r\n", 20 },
        { "GET / HTTP/1.1\r\nHost: a\r\n", -1 },
        { "GET / HTTP/1.1\r\nHost: a\r\n\r", -1 },
        { "\r\n\r\n", -1 },
        { "", -1 },
    };

    [Theory]
    [MemberData(nameof(HeadEnds))]
    public void FindsTheEmptyLineThatEndsTheHead(string data, int expected) =>
        Assert.Equal(expected, HttpRequestParser.FindHeadEnd(Encoding.ASCII.GetBytes(data)));

    public static TheoryData<string, string, string, string> Accepted => new()
    {
        { "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/healthz", "" },
        { "HEAD /metrics?name[]=a HTTP/1.1\r\nhost: x\r\nAccept: */*\r\n\r\n", "HEAD", "/metrics", "name[]=a" },
        { "GET /.well-known/acme-challenge/tok-_1 HTTP/1.0\r\n\r\n", "GET", "/.well-known/acme-challenge/tok-_1", "" },
        { "GET http://example.com:80/readyz?x HTTP/1.1\r\nHost: example.com\r\n\r\n", "GET", "/readyz", "x" },
        { "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", "OPTIONS", "*", "" },
        { "\r\nGET / HTTP/1.1\nHost: x\n\n", "GET", "/", "" },
        { "GET / HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nX-Obs: caf\u00e9\tok\r\n\r\n", "GET", "/", "" },
        { "post / HTTP/1.1\r\nHost: x\r\n\r\n", "post", "/", "" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ParsesWellFormedHeads(string head, string method, string path, string query)
    {
        var result = HttpRequestParser.Parse(Encoding.Latin1.GetBytes(head));
        Assert.Equal(new HttpRequestHead(method, path, query), result.Request);
    }

    public static TheoryData<string, int> Refused => new()
    {
        { "GARBAGE\r\n\r\n", 400 },
        { "GET /\r\n\r\n", 400 },
        { "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400 },
        { "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET / FTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505 },
        { "GET / HTTP/0.9\r\nHost: x\r\n\r\n", 505 },
        { "GET relative HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "CONNECT example.com:443 HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET ftp://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\r\nX-Bad : v\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\r\n: empty-name\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\rX-Smuggled: y\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n", 400 },
        { "\r\n\r\n", 400 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusesMalformedHeads(string head, int status)
    {
        var result = HttpRequestParser.Parse(Encoding.Latin1.GetBytes(head));
        Assert.Null(result.Request);
        Assert.Equal(status, result.Status);
        Assert.NotEmpty(result.Error);
    }
}
