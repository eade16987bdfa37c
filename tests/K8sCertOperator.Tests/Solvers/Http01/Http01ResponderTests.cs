using System.Net;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Tests.Solvers.Http01;

public class Http01ResponderTests
{
    [Fact]
    public async Task ServesKnownTokensOnlyAndNothingElse()
    {
        var store = new Http01TokenStore();
        store.Set("ns/challenge-a", "tok-1", "tok-1.thumb");
        await using var responder = await Http01Responder.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), store, null, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{responder.Port}") };

        var known = await http.GetAsync("/.well-known/acme-challenge/tok-1");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal("tok-1.thumb", await known.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/.well-known/acme-challenge/other")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("/.well-known/acme-challenge/tok-1", null)).StatusCode);
    }

    public static TheoryData<string, string, int, string?> Answers => new()
    {
        { "GET", "/.well-known/acme-challenge/tok-1", 200, "tok-1.thumb" },
        { "HEAD", "/.well-known/acme-challenge/tok-1", 200, "tok-1.thumb" },
        { "GET", "/.well-known/acme-challenge/tok-2", 404, null },
        { "GET", "/.well-known/acme-challenge/", 404, null },
        { "GET", "/.well-known/acme-challenge/tok-1/extra", 404, null },
        { "GET", "/.WELL-KNOWN/acme-challenge/tok-1", 404, null },
        { "GET", "/tok-1", 404, null },
        { "POST", "/.well-known/acme-challenge/tok-1", 405, null },
        { "get", "/.well-known/acme-challenge/tok-1", 405, null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void AnswerIsTheKeyAuthorizationForAKnownTokenOnly(string method, string path, int status, string? body)
    {
        var store = new Http01TokenStore();
        store.Set("ns/challenge-a", "tok-1", "tok-1.thumb");

        var answer = Http01Responder.Answer(method, path, store);

        Assert.Equal(status, answer.Status);
        if (body is not null)
        {
            Assert.Equal(body, answer.Text);
        }
    }

    [Fact]
    public void RemoveOnlyTouchesTheOwnersToken()
    {
        var store = new Http01TokenStore();
        store.Set("ns/a", "t", "t.1");
        store.Set("ns/b", "t", "t.2");
        store.Remove("ns/a", "t");
        Assert.True(store.TryGet("t", out var value));
        Assert.Equal("t.2", value);
        store.RemoveOwner("ns/b");
        Assert.False(store.TryGet("t", out _));
        Assert.Equal(0, store.Count);
    }
}
