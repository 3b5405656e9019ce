package ru.promtour.localstack;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void aPersistentStoreKeepsDocumentsAcrossCloseAndStart() {
        Path file = dir.resolve("mongo/store.mv");
        int port = FreePorts.next();
        MongoStore store = MongoStore.persistent(file, "127.0.0.1", port).start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            excursions(client).insertOne(new Document("_id", "exc-1").append("title", "Завод ЗИЛ").append("seats", 12));
        }
        store.close();
        assertThat(file).exists();

        MongoStore reopened = MongoStore.persistent(file, "127.0.0.1", port).start();
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            Document found = excursions(client).find(new Document("_id", "exc-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("Завод ЗИЛ");
            assertThat(found.getInteger("seats")).isEqualTo(12);
        }
        finally {
            reopened.close();
        }
    }

    @Test
    void theSameStoreCanBeStartedAgainAfterClose() {
        MongoStore store = MongoStore.persistent(dir.resolve("store.mv"), "127.0.0.1", FreePorts.next()).start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            excursions(client).insertOne(new Document("_id", "exc-2"));
        }
        store.close();
        assertThatThrownBy(store::connectionString).isInstanceOf(IllegalStateException.class);

        store.start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(excursions(client).countDocuments()).isEqualTo(1);
        }
        finally {
            store.close();
        }
    }

    @Test
    void anInMemoryStoreListensOnAFreePort() {
        try (MongoStore store = MongoStore.inMemory().start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:");
            excursions(client).insertOne(new Document("_id", "exc-3"));
            assertThat(excursions(client).countDocuments()).isEqualTo(1);
        }
    }

    private static MongoCollection<Document> excursions(MongoClient client) {
        return client.getDatabase("catalog").getCollection("excursions");
    }
}
