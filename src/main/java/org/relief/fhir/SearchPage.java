package org.relief.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One page of a FHIR search with HAPI's offset paging ({@code _offset}/{@code _count}), so that a
 * next link works on any node: no search state is kept on the server. Also the parsing of Relief's
 * numeric resource IDs, which every provider needs.
 */
public final class SearchPage {

  /** Page size when the client gives no {@code _count}. */
  public static final int DEFAULT_SIZE = 50;

  /** The largest page a client can ask for. */
  public static final int LARGEST_SIZE = 500;

  private SearchPage() {}

  /** The first match to return: {@code _offset}, or 0. */
  public static int offset(Integer offset) {
    return offset == null ? 0 : Math.max(0, offset);
  }

  /** How many matches to return: {@code _count} within 0..{@link #LARGEST_SIZE}. */
  public static int size(Integer count) {
    return count == null ? DEFAULT_SIZE : Math.max(0, Math.min(count, LARGEST_SIZE));
  }

  /** The page's resources, with the total number of matches for {@code Bundle.total}. */
  public static IBundleProvider of(
      List<? extends IBaseResource> resources, int total, int offset, int size) {
    SimpleBundleProvider page = new SimpleBundleProvider(resources);
    page.setSize(total);
    page.setCurrentPageOffset(offset);
    page.setCurrentPageSize(size);
    return page;
  }

  /** A Relief ID (a positive number), or empty for anything Relief never issues. */
  public static Optional<Long> numericId(String id) {
    return id != null && id.matches("[1-9][0-9]{0,17}")
        ? Optional.of(Long.parseLong(id))
        : Optional.empty();
  }
}
