using System.Net;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Tests.Outbound;

/// <summary>The connect-time guard resolves the host itself and refuses addresses of the classes it does not allow.</summary>
public class GuardedConnectorTests
{
    [Theory]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("localhost", AddressClass.Loopback)]
    [InlineData("[::1]", AddressClass.Loopback)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("10.1.2.3", AddressClass.Private)]
    public async Task Public_only_refuses_other_classes(string host, AddressClass refused)
    {
        var error = await Assert.ThrowsAsync<OutboundAddressRefusedException>(
            () => GuardedConnector.PublicOnly.ResolveCheckedAsync(host, CancellationToken.None));

        Assert.Equal(refused, error.AddressClass);
    }

    [Fact]
    public async Task Allowed_classes_resolve_to_the_checked_addresses()
    {
        var loopbackAllowed = new GuardedConnector(c => c == AddressClass.Loopback);

        var addresses = await loopbackAllowed.ResolveCheckedAsync("127.0.0.1", CancellationToken.None);

        Assert.Equal([IPAddress.Loopback], addresses);
    }

    [Fact]
    public async Task A_guarded_client_sends_nothing_to_a_refused_address()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(GuardedConnector.PublicOnly.Apply(new SocketsHttpHandler()));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None));

        Assert.IsType<OutboundAddressRefusedException>(error.InnerException);
        Assert.False(listener.Pending());
    }
}
