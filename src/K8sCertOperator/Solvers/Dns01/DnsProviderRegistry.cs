using K8sCertOperator.Solvers.Dns01.Cloudflare;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Dns01.Route53;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>DNS providers keyed by name; adding a provider is one folder plus one line in <see cref="CreateDefault"/>.</summary>
public sealed class DnsProviderRegistry
{
    private readonly Dictionary<string, IDnsProviderFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registered provider names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers a factory; a second factory with the same name is a programming error.</summary>
    public DnsProviderRegistry Register(IDnsProviderFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(factory.Name, factory))
        {
            throw new InvalidOperationException($"DNS provider '{factory.Name}' is already registered");
        }
        return this;
    }

    public bool TryGetFactory(string name, out IDnsProviderFactory factory) =>
        _factories.TryGetValue(name, out factory!);

    /// <summary>Creates the named provider; unknown names give a message listing the known ones.</summary>
    public IDnsProvider Create(string name, DnsProviderSettings settings)
    {
        if (!_factories.TryGetValue(name, out var factory))
        {
            throw new KeyNotFoundException(
                $"unknown DNS provider '{name}'; known providers: {string.Join(", ", Names)}");
        }
        return factory.Create(settings);
    }

    /// <summary>The built-in providers.</summary>
    public static DnsProviderRegistry CreateDefault(DnsProviderDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        return new DnsProviderRegistry()
            .Register(new Rfc2136ProviderFactory())
            .Register(new CloudflareProviderFactory(dependencies.HttpClient))
            .Register(new Route53ProviderFactory(dependencies.HttpClient, dependencies.Clock))
            .Register(new WebhookProviderFactory(dependencies.WebhookSender));
    }
}
