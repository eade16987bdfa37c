using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Finalizers, ownerReference garbage collection and namespace termination.</summary>
public sealed class DeletionTests : StandInTestBase
{
    [Fact]
    public async Task Finalizer_holds_object_with_deletionTimestamp_until_removed()
    {
        await CreateCertificateAsync("c");
        await PatchCertificateAsync("c", new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray("k8scert.io/cleanup") } });

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "c", cancellationToken: Token);
        var terminating = await GetCertificateAsync("c");
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(0, terminating.Metadata.DeletionGracePeriodSeconds);

        // A second delete changes nothing.
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "c", cancellationToken: Token);
        Assert.Equal(terminating.Metadata.ResourceVersion, (await GetCertificateAsync("c")).Metadata.ResourceVersion);

        terminating.Metadata.Finalizers = [];
        await ReplaceCertificateAsync(terminating);
        Assert.Equal(404, await StatusCodeOfAsync(() => GetCertificateAsync("c")));
    }

    [Fact]
    public async Task Owner_deletion_cascades_two_levels_and_honours_dependent_finalizers()
    {
        var owner = await CreateCertificateAsync("owner");
        var child = await CreateSecretAsync("child", owners: [Reference("k8scert.io/v1", "Certificate", "owner", owner.Metadata.Uid)]);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "grandchild",
                    Finalizers = ["test/hold"],
                    OwnerReferences = [Reference("v1", "Secret", "child", child.Metadata.Uid)],
                },
            },
            Namespace,
            cancellationToken: Token);
        await CreateSecretAsync("unrelated");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "owner", cancellationToken: Token);

        Assert.Equal(404, await StatusCodeOfAsync(() => GetCertificateAsync("owner")));
        Assert.Equal(404, await StatusCodeOfAsync(() => Client.CoreV1.ReadNamespacedSecretAsync("child", Namespace, cancellationToken: Token)));
        var held = await Client.CoreV1.ReadNamespacedConfigMapAsync("grandchild", Namespace, cancellationToken: Token);
        Assert.NotNull(held.Metadata.DeletionTimestamp);
        await Client.CoreV1.ReadNamespacedSecretAsync("unrelated", Namespace, cancellationToken: Token);

        var release = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } };
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(release, V1Patch.PatchType.MergePatch), "grandchild", Namespace, cancellationToken: Token);
        Assert.Equal(404, await StatusCodeOfAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("grandchild", Namespace, cancellationToken: Token)));
    }

    [Fact]
    public async Task Dependent_with_a_surviving_owner_only_loses_the_reference()
    {
        var a = await CreateCertificateAsync("a");
        var b = await CreateCertificateAsync("b");
        await CreateSecretAsync("shared", owners: [Reference("k8scert.io/v1", "Certificate", "a", a.Metadata.Uid), Reference("k8scert.io/v1", "Certificate", "b", b.Metadata.Uid)]);

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "a", cancellationToken: Token);

        var shared = await Client.CoreV1.ReadNamespacedSecretAsync("shared", Namespace, cancellationToken: Token);
        Assert.Equal([b.Metadata.Uid], shared.Metadata.OwnerReferences.Select(r => r.Uid));
    }

    [Fact]
    public async Task Foreground_deletion_keeps_owner_until_held_dependent_is_gone()
    {
        var owner = await CreateCertificateAsync("owner");
        await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "held",
                    Finalizers = ["test/hold"],
                    OwnerReferences = [Reference("k8scert.io/v1", "Certificate", "owner", owner.Metadata.Uid)],
                },
            },
            Namespace,
            cancellationToken: Token);

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "owner", propagationPolicy: "Foreground", cancellationToken: Token);
        var waiting = await GetCertificateAsync("owner");
        Assert.Contains("foregroundDeletion", waiting.Metadata.Finalizers);
        Assert.NotNull((await Client.CoreV1.ReadNamespacedConfigMapAsync("held", Namespace, cancellationToken: Token)).Metadata.DeletionTimestamp);

        var release = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } };
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(release, V1Patch.PatchType.MergePatch), "held", Namespace, cancellationToken: Token);
        Assert.Equal(404, await StatusCodeOfAsync(() => GetCertificateAsync("owner")));
    }

    [Fact]
    public async Task Orphan_propagation_keeps_dependents()
    {
        var owner = await CreateCertificateAsync("owner");
        await CreateSecretAsync("child", owners: [Reference("k8scert.io/v1", "Certificate", "owner", owner.Metadata.Uid)]);
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "owner", propagationPolicy: "Orphan", cancellationToken: Token);
        var child = await Client.CoreV1.ReadNamespacedSecretAsync("child", Namespace, cancellationToken: Token);
        Assert.Empty(child.Metadata.OwnerReferences ?? []);
    }

    [Fact]
    public async Task Namespace_deletion_removes_its_objects_and_then_itself()
    {
        await CreateSecretAsync("s");
        await CreateCertificateAsync("held");
        await PatchCertificateAsync("held", new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray("k8scert.io/cleanup") } });

        await Client.CoreV1.DeleteNamespaceAsync(Namespace, cancellationToken: Token);

        var terminating = await Client.CoreV1.ReadNamespaceAsync(Namespace, cancellationToken: Token);
        Assert.Equal("Terminating", terminating.Status.Phase);
        Assert.Equal(404, await StatusCodeOfAsync(() => Client.CoreV1.ReadNamespacedSecretAsync("s", Namespace, cancellationToken: Token)));
        var (code, reason) = await StatusOfAsync(() => CreateSecretAsync("late"));
        Assert.Equal((403, "Forbidden"), (code, reason));

        await PatchCertificateAsync("held", new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } });
        Assert.Equal(404, await StatusCodeOfAsync(() => Client.CoreV1.ReadNamespaceAsync(Namespace, cancellationToken: Token)));
        Assert.DoesNotContain(Server.StoredObjects(), o => (string?)o["metadata"]?["namespace"] == Namespace);
    }

    private static V1OwnerReference Reference(string apiVersion, string kind, string name, string uid) =>
        new() { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid, Controller = true, BlockOwnerDeletion = true };
}
