export AUTH="gldt-4x_JEHgR0Vy8rap5iLBw"

export CREDENTIAL="glsoat-tyvp_EkJlI8Gsh0DVhNm"
