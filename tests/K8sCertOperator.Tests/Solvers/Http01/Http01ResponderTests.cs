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
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/.well-known/acme-challenge/tok-1", null)).StatusCode);
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
