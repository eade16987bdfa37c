using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Create, read, list, replace and delete through the real KubernetesClient.</summary>
public sealed class CrudTests : StandInTestBase
{
    [Fact]
    public async Task Secret_round_trips_with_server_assigned_metadata()
    {
        var created = await CreateSecretAsync("s1");
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.False(string.IsNullOrEmpty(created.Metadata.ResourceVersion));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(Namespace, created.Metadata.NamespaceProperty);
        Assert.Equal("Opaque", created.Type);

        var read = await Client.CoreV1.ReadNamespacedSecretAsync("s1", Namespace, cancellationToken: Token);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        // stringData is write-only: the server folds it into data and never stores it.
        Assert.Null(read.StringData);
        Assert.Equal("v"u8.ToArray(), read.Data["k"]);

        read.Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1, 2, 3] };
        var replaced = await Client.CoreV1.ReplaceNamespacedSecretAsync(read, "s1", Namespace, cancellationToken: Token);
        Assert.True(long.Parse(replaced.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
        Assert.Equal(new byte[] { 1, 2, 3 }, replaced.Data["tls.crt"]);

        var list = await Client.CoreV1.ListNamespacedSecretAsync(Namespace, cancellationToken: Token);
        Assert.Equal(["s1"], list.Items.Select(s => s.Metadata.Name));
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));

        await Client.CoreV1.DeleteNamespacedSecretAsync("s1", Namespace, cancellationToken: Token);
        var (code, reason) = await StatusOfAsync(() => Client.CoreV1.ReadNamespacedSecretAsync("s1", Namespace, cancellationToken: Token));
        Assert.Equal((404, "NotFound"), (code, reason));
    }

    [Fact]
    public async Task Create_of_existing_name_is_409_AlreadyExists()
    {
        await CreateSecretAsync("dup");
        var (code, reason) = await StatusOfAsync(() => CreateSecretAsync("dup"));
        Assert.Equal((409, "AlreadyExists"), (code, reason));
    }

    [Fact]
    public async Task Body_over_3_MiB_is_413_like_kube_apiserver_and_stores_nothing()
    {
        var huge = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "huge" },
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = new byte[4 * 1024 * 1024] },
        };
        var (code, reason) = await StatusOfAsync(() => Client.CoreV1.CreateNamespacedSecretAsync(huge, Namespace, cancellationToken: Token));
        Assert.Equal((413, "RequestEntityTooLarge"), (code, reason));
        var list = await Client.CoreV1.ListNamespacedSecretAsync(Namespace, cancellationToken: Token);
        Assert.DoesNotContain(list.Items, s => s.Metadata.Name == "huge");

        // Under the request cap but over a Secret's 1 MiB of data: refused by Secret validation instead.
        huge.Data["tls.crt"] = new byte[2 * 1024 * 1024];
        (code, reason) = await StatusOfAsync(() => Client.CoreV1.CreateNamespacedSecretAsync(huge, Namespace, cancellationToken: Token));
        Assert.Equal((422, "Invalid"), (code, reason));

        huge.Data["tls.crt"] = new byte[1024 * 1024];
        var stored = await Client.CoreV1.CreateNamespacedSecretAsync(huge, Namespace, cancellationToken: Token);
        Assert.Equal(1024 * 1024, stored.Data["tls.crt"].Length);
    }

    [Fact]
    public async Task Create_in_missing_namespace_is_404()
    {
        var (code, reason) = await StatusOfAsync(() => Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "x" } }, "no-such-namespace", cancellationToken: Token));
        Assert.Equal((404, "NotFound"), (code, reason));
    }

    [Fact]
    public async Task GenerateName_produces_a_unique_name()
    {
        var first = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cm-" } }, Namespace, cancellationToken: Token);
        var second = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cm-" } }, Namespace, cancellationToken: Token);
        Assert.StartsWith("cm-", first.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(8, first.Metadata.Name.Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task Custom_resource_is_served_after_its_CRD_is_created()
    {
        var (code, _) = await StatusOfAsync(() => Client.CustomObjects.ListNamespacedCustomObjectAsync("acme.k8scert.io", "v1", Namespace, "orders", cancellationToken: Token));
        Assert.Equal(404, code);

        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Build("acme.k8scert.io", "orders", "Order", "Namespaced"), cancellationToken: Token);
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("orders.acme.k8scert.io", cancellationToken: Token);
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");

        var order = new TestCustomObject { ApiVersion = "acme.k8scert.io/v1", Kind = "Order", Metadata = new V1ObjectMeta { Name = "o1" }, Spec = new JsonObject { ["request"] = "csr" } };
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync<TestCustomObject>(order, "acme.k8scert.io", "v1", Namespace, "orders", cancellationToken: Token);
        Assert.Equal("Order", created.Kind);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("csr", (string?)created.Spec?["request"]);
    }

    [Fact]
    public async Task Custom_resource_crud_and_cross_namespace_list()
    {
        var other = "o-" + Guid.NewGuid().ToString("N")[..8];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = other } }, cancellationToken: Token);
        await CreateCertificateAsync("c1");
        await CreateCertificateAsync("c2", other);

        var read = await GetCertificateAsync("c1");
        Assert.Equal("tls", (string?)read.Spec?["secretName"]);

        var all = await Client.CustomObjects.ListClusterCustomObjectAsync<CustomObjectList>(TestCrds.Group, TestCrds.Version, TestCrds.Plural, cancellationToken: Token);
        Assert.Equal(["c1", "c2"], all.Items.Select(i => i.Metadata.Name).Order());
        Assert.Equal("CertificateList", all.Kind);

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "c1", cancellationToken: Token);
        Assert.Equal(404, await StatusCodeOfAsync(() => GetCertificateAsync("c1")));
        Assert.Null(Server.GetStoredObject(TestCrds.Group, TestCrds.Plural, Namespace, "c1"));
        Assert.NotNull(Server.GetStoredObject(TestCrds.Group, TestCrds.Plural, other, "c2"));
    }

    [Fact]
    public async Task Replacing_a_CRD_with_a_new_version_serves_it_on_the_same_storage()
    {
        await CreateCertificateAsync("c");
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("certificates.k8scert.io", cancellationToken: Token);
        var v2 = TestCrds.Certificate().Spec.Versions[0];
        v2.Name = "v2";
        v2.Storage = false;
        crd.Spec.Versions.Add(v2);
        await Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name, cancellationToken: Token);

        var viaV2 = await Client.CustomObjects.GetNamespacedCustomObjectAsync<TestCustomObject>(TestCrds.Group, "v2", Namespace, TestCrds.Plural, "c", Token);
        Assert.Equal("k8scert.io/v2", viaV2.ApiVersion);
        Assert.Equal("tls", (string?)viaV2.Spec?["secretName"]);
    }

    [Fact]
    public async Task Discovery_and_health_answer()
    {
        var version = await Client.Version.GetCodeAsync(Token);
        Assert.Equal("1", version.Major);
        var groups = await Client.Apis.GetAPIVersionsAsync(Token);
        Assert.Contains(groups.Groups, g => g.Name == TestCrds.Group);
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri(Server.Host + "/healthz"), Token));
    }

    /// <summary>List shape used for custom objects.</summary>
    public sealed class CustomObjectList
    {
        [System.Text.Json.Serialization.JsonPropertyName("kind")]
        public string? Kind { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("items")]
        public List<TestCustomObject> Items { get; set; } = [];
    }
}
