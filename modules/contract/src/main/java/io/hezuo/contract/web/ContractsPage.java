package io.hezuo.contract.web;

import io.hezuo.contract.domain.ContractState;
import io.hezuo.contract.service.Contracts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Backing bean of {@code app/contract/contracts.xhtml}: the contracts (任务书) the caller sees
 * (officer and the Department's finance all, a unit its own, a PI theirs) with their state,
 * filtered by state.
 */
@Named("contracts")
@ViewScoped
public class ContractsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Contracts contracts;

  private String state;
  private List<Contracts.ContractRow> rows;

  public void load() {
    if (rows == null) {
      search();
    }
  }

  public void search() {
    rows = contracts.find(state);
  }

  public List<String> getStates() {
    return Arrays.stream(ContractState.values()).map(Enum::name).toList();
  }

  public List<Contracts.ContractRow> getRows() {
    return rows;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state == null || state.isBlank() ? null : state;
  }
}
