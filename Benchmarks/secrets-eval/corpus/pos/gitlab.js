const credential = 'glrt-S9f-Wbru_3Hl0RFPetdt';

const token = 'glagent-w0kMIG-RroomrBNozChKBhTgRoduZBYLpi_beSeAFYv87DCRgM';

const token = 'GR1348941YUPTH8gHlGZsERkRRZ8j';
