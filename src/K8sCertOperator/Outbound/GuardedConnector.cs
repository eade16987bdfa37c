using System.Net;
using System.Net.Sockets;

namespace K8sCertOperator.Outbound;

/// <summary>
/// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself, refuses when any resolved
/// address is of a refused class, and connects only to the addresses it checked, so a DNS answer that changes
/// between the check and the connection (rebinding) cannot reach a refused address.
/// </summary>
public sealed class GuardedConnector
{
    private readonly Func<AddressClass, bool> _allowed;

    /// <param name="allowed">True for the address classes connections may go to.</param>
    public GuardedConnector(Func<AddressClass, bool> allowed)
    {
        _allowed = allowed ?? throw new ArgumentNullException(nameof(allowed));
    }

    /// <summary>Refuses loopback, link-local, private and reserved addresses.</summary>
    public static GuardedConnector PublicOnly { get; } = new(c => c == AddressClass.Public);

    /// <summary>Resolves <paramref name="host"/> and returns its addresses; throws when one of them is refused.</summary>
    public async Task<IPAddress[]> ResolveCheckedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (var address in addresses)
        {
            var addressClass = AddressRules.Classify(address);
            if (!_allowed(addressClass))
            {
                throw new OutboundAddressRefusedException(host, address, addressClass);
            }
        }

        return addresses;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = await ResolveCheckedAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Installs this connector on <paramref name="handler"/>.</summary>
    public SocketsHttpHandler Apply(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.ConnectCallback = ConnectAsync;
        return handler;
    }
}
