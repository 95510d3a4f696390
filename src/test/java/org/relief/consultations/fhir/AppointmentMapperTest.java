package org.relief.consultations.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.junit.jupiter.api.Test;
import org.relief.consultations.VisitStatus;
import org.relief.procedures.BookingStatus;

class AppointmentMapperTest {

  @Test
  void visitAndBookingIdsAreParsedApartAndAnythingElseIsNoId() {
    assertThat(AppointmentMapper.key("visit-12")).contains(new AppointmentMapper.Key(true, 12));
    assertThat(AppointmentMapper.key("booking-12")).contains(new AppointmentMapper.Key(false, 12));
    for (String id :
        new String[] {"12", "v12", "visit-", "visit-0", "booking-x", "visit-12a", null}) {
      assertThat(AppointmentMapper.key(id)).as(String.valueOf(id)).isEmpty();
    }
  }

  @Test
  void everyVisitAndBookingStatusHasAnAppointmentStatus() {
    assertThat(AppointmentMapper.status(VisitStatus.BOOKED)).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(AppointmentMapper.status(VisitStatus.ARRIVED)).isEqualTo(AppointmentStatus.ARRIVED);
    assertThat(AppointmentMapper.status(VisitStatus.DONE)).isEqualTo(AppointmentStatus.FULFILLED);
    assertThat(AppointmentMapper.status(VisitStatus.CANCELLED))
        .isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(AppointmentMapper.status(VisitStatus.NO_SHOW)).isEqualTo(AppointmentStatus.NOSHOW);
    assertThat(AppointmentMapper.status(BookingStatus.BOOKED)).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(AppointmentMapper.status(BookingStatus.IN_PROGRESS))
        .isEqualTo(AppointmentStatus.ARRIVED);
    assertThat(AppointmentMapper.status(BookingStatus.COMPLETED))
        .isEqualTo(AppointmentStatus.FULFILLED);
    assertThat(AppointmentMapper.status(BookingStatus.CANCELLED))
        .isEqualTo(AppointmentStatus.CANCELLED);
  }
}
